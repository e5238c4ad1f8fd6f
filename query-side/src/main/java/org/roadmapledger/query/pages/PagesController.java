package org.roadmapledger.query.pages;

import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.platform.security.Caller;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.query.QueryProperties;
import org.roadmapledger.query.pages.login.PageTokens;
import org.roadmapledger.query.objective.ObjectiveQueries;
import org.roadmapledger.query.roadmap.RoadmapQueries;
import org.roadmapledger.query.time.Viewpoint;
import org.roadmapledger.query.web.InvalidParameter;
import org.roadmapledger.query.web.NotFound;
import org.roadmapledger.query.web.PathIds;
import org.springframework.beans.factory.ObjectProvider;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The council pages (DESIGN, "Council pages"): the roadmap at a date, an objective with its timeline, and what
 * changed between two seals. Every page reads what the API reads, at the viewpoint its URL carries ({@code validAt},
 * the situation on; {@code asOf}, as known then; or {@code seal}, as sealed), so a page can be cited in minutes.
 */
@Controller
@Hidden
class PagesController {

    /** The last day a window of changes may end on: the day after it must still have a four-digit year. */
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

    private final RoadmapQueries roadmap;
    private final ObjectiveQueries objectives;
    private final ObjectProvider<SealRows> seals;
    private final ObjectProvider<TimelineReads> timelines;
    private final AuditReads audits;
    private final QueryProperties properties;
    private final Clock clock;

    PagesController(RoadmapQueries roadmap, ObjectiveQueries objectives, ObjectProvider<SealRows> seals,
                    ObjectProvider<TimelineReads> timelines, AuditReads audits, QueryProperties properties,
                    Clock clock) {
        this.audits = audits;
        this.roadmap = roadmap;
        this.objectives = objectives;
        this.seals = seals;
        this.timelines = timelines;
        this.properties = properties;
        this.clock = clock;
    }

    @ModelAttribute("otherLanguage")
    LanguageLink otherLanguage(HttpServletRequest request, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        UriComponentsBuilder here = UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("lang", english ? "fr" : "en");
        return english ? new LanguageLink("fr", "Français", here.build().toUriString())
                : new LanguageLink("en", "English", here.build().toUriString());
    }

    @ModelAttribute("viewer")
    PageViewer viewer(HttpServletRequest request) {
        boolean session = request.getAttribute(PageTokens.SESSION_LOGIN) != null;
        return Caller.current().map(caller -> PageViewer.of(caller, session)).orElse(null);
    }

    @GetMapping("/")
    String roadmap(@RequestParam(required = false) String validAt, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String seal, Model model) {
        PageViewpoint at = viewpoint(validAt, asOf, seal);
        model.addAttribute("at", at);
        model.addAttribute("seals", sealList());
        model.addAttribute("tree", roadmap.tree(properties.roadmapId(), at.viewpoint()).orElse(null));
        return "pages/roadmap";
    }

    @GetMapping("/pages/objectives/{id}")
    String objective(@PathVariable("id") String rawId, @RequestParam(required = false) String validAt,
                     @RequestParam(required = false) String asOf, @RequestParam(required = false) String seal,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int history,
                     HttpServletRequest request, Model model) {
        String id = PathIds.objective(rawId);
        PageViewpoint at = viewpoint(validAt, asOf, seal);
        model.addAttribute("at", at);
        model.addAttribute("seals", sealList());
        model.addAttribute("objective", objectives.find(id, at.viewpoint()).orElseThrow(() -> new NotFound(
                "objective " + id + " was not recorded as known at " + at.viewpoint().asOf() + ", in effect at "
                        + at.viewpoint().validAt())));
        TimelineReads reads = timelines.getIfAvailable();
        model.addAttribute("timeline", reads == null ? Timeline.EMPTY : reads.timeline(id, at.viewpoint(), page));
        // the viewer from the token, never bound from the request
        PageViewer viewer = viewer(request);
        if (viewer != null && viewer.auditor()) {
            model.addAttribute("audit", audits.audit(id, history, sealList(), request));
        }
        return "pages/objective";
    }

    @GetMapping("/pages/changes")
    String changes(@RequestParam(required = false) String seal, @RequestParam(required = false) String since,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   Model model) {
        TimelineReads reads = timelines.getIfAvailable();
        List<Seal> all = sealList();
        model.addAttribute("seals", all);
        if (blankToNull(from) != null) {
            LocalDate start = date("from", from);
            LocalDate end = blankToNull(to) == null ? LocalDate.now(clock.withZone(Viewpoint.LEDGER_ZONE)) : date("to", to);
            if (end.isBefore(start)) {
                throw new InvalidParameter("to", "must not be before from (" + start + ")");
            }
            model.addAttribute("from", start);
            model.addAttribute("to", end);
            model.addAttribute("changes", reads == null ? null : reads.changesRecorded(start, end));
            return "pages/changes";
        }
        model.addAttribute("changes", reads == null || all.isEmpty() ? null : reads.changes(
                seal != null ? seal : all.get(0).statement().sealId(), since));
        return "pages/changes";
    }

    private static LocalDate date(String parameter, String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            if (text.length() == 10 && !date.isAfter(LAST_DAY)) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw new InvalidParameter(parameter, "must be a date, YYYY-MM-DD, up to " + LAST_DAY);
    }

    private List<Seal> sealList() {
        SealRows rows = seals.getIfAvailable();
        if (rows == null) {
            return List.of();
        }
        List<Seal> newestFirst = new java.util.ArrayList<>(rows.statements());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private PageViewpoint viewpoint(String validAt, String asOf, String seal) {
        Optional<Seal> sealed = Optional.ofNullable(seal).filter(s -> !s.isBlank())
                .flatMap(id -> Optional.ofNullable(seals.getIfAvailable()).flatMap(rows -> rows.statement(id)));
        if (seal != null && !seal.isBlank() && sealed.isEmpty()) {
            throw new NotFound("no seal " + seal);
        }
        String knownAt = sealed.map(s -> s.statement().sealedAt()).orElse(blankToNull(asOf));
        String effective = blankToNull(validAt);
        if (effective == null && sealed.isPresent()) {
            effective = Instant.parse(knownAt).atZone(Viewpoint.LEDGER_ZONE).toLocalDate().toString();
        }
        return new PageViewpoint(Viewpoint.of(knownAt, effective, clock), blankToNull(validAt), blankToNull(asOf),
                sealed.orElse(null));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
