package org.roadmapledger.query.pages;

import org.roadmapledger.proof.Seal;
import org.roadmapledger.query.time.Viewpoint;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a page looks from, and how its links keep looking from there.
 *
 * @param validAt as the URL gave it (null: the date of {@code asOf})
 * @param asOf    as the URL gave it (null: now)
 * @param seal    the seal the page is read at, if the URL named one
 */
public record PageViewpoint(Viewpoint viewpoint, String validAt, String asOf, Seal seal) {

    /** A page's address with this viewpoint's parameters, the ones the reader chose and no others. */
    public String link(String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (validAt != null) {
            uri.queryParam("validAt", validAt);
        }
        if (seal != null) {
            uri.queryParam("seal", seal.statement().sealId());
        } else if (asOf != null) {
            uri.queryParam("asOf", asOf);
        }
        return uri.encode().build().toUriString();
    }

    /** The same with a page number, for the timeline's pages. */
    public String link(String path, int page) {
        return link(path, "page", page);
    }

    /** The same with one more parameter: a page of the timeline ({@code page}) or of the history ({@code history}). */
    public String link(String path, String parameter, int value) {
        return UriComponentsBuilder.fromUriString(link(path)).queryParam(parameter, value).build().toUriString();
    }

    public boolean now() {
        return validAt == null && asOf == null && seal == null;
    }
}
