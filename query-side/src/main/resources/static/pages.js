// A "now" page (no date in its address) redraws its content when the ledger changes, without a reload: the server
// says which objective changed (/pages/updates), and the page reads itself again and swaps its <main>.
(function () {
    if (document.body.dataset.live !== 'true' || !window.EventSource) {
        return;
    }
    var timers = [];
    function redraw() {
        fetch(window.location.href, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (!html) {
                    return;
                }
                var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
                var current = document.querySelector('main');
                if (fresh && current && fresh.innerHTML !== current.innerHTML) {
                    var focused = document.activeElement && document.activeElement.id;
                    current.replaceWith(fresh);
                    if (focused && document.getElementById(focused)) {
                        document.getElementById(focused).focus();
                    }
                }
            });
    }
    // the views follow the event store within moments: read again soon, and once more a little later; an
    // objective's page only for its own changes (an auditor's page read again is a read of its history and proof,
    // which the access log records)
    var only = document.body.dataset.objective;
    function changed(event) {
        if (only && String(event.data).split(' ')[0] !== only) {
            return;
        }
        timers.forEach(clearTimeout);
        timers = [setTimeout(redraw, 250), setTimeout(redraw, 1000)];
    }
    new EventSource('/pages/updates').addEventListener('changed', changed);
})();
