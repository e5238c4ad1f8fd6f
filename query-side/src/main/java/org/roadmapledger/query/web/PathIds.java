package org.roadmapledger.query.web;

import org.roadmapledger.api.objective.ObjectiveId;

import java.util.regex.Pattern;

/** Ids in a path are checked before anything is read or waited for: an id that cannot exist is a 400, not a 404. */
public final class PathIds {

    private static final Pattern OBJECTIVE = Pattern.compile(ObjectiveId.PATTERN);

    private PathIds() {
    }

    public static String objective(String id) {
        if (!OBJECTIVE.matcher(id).matches()) {
            throw new InvalidParameter("id", "is not an objective id: 1 to 64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        return id;
    }
}
