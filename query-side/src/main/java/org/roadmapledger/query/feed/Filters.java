package org.roadmapledger.query.feed;

import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.query.cloudevents.EventTypes;
import org.roadmapledger.query.web.InvalidParameter;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the filters a subscriber gives: the same for the SSE stream and for webhooks. */
public final class Filters {

    private static final Pattern OBJECTIVE = Pattern.compile(ObjectiveId.PATTERN);
    private static final Pattern AXIS = Pattern.compile("^[A-Za-z0-9._-]{1,32}$");

    private Filters() {
    }

    /**
     * @param types short names ({@code MilestoneAchieved}) or CloudEvents types, comma-separated
     * @throws InvalidParameter naming the filter at fault
     */
    public static Filter filter(String objective, String axis, String types) {
        String objectiveId = blankToNull(objective);
        if (objectiveId != null && !OBJECTIVE.matcher(objectiveId).matches()) {
            throw new InvalidParameter("objective", "must be an objective id matching " + ObjectiveId.PATTERN);
        }
        String axisCode = blankToNull(axis);
        if (axisCode != null && !AXIS.matcher(axisCode).matches()) {
            throw new InvalidParameter("axis", "must be an axis code of 1 to 32 letters, digits, '.', '_' or '-'");
        }
        return new Filter(objectiveId, axisCode, types(types));
    }

    private static Set<String> types(String types) {
        Set<String> names = new LinkedHashSet<>();
        if (types == null || types.isBlank()) {
            return names;
        }
        for (String name : types.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            names.add(EventTypes.shortName(trimmed).orElseThrow(() -> new InvalidParameter("types",
                    "\"" + trimmed + "\" is not an event type of the ledger; known: " + EventTypes.known().keySet())));
        }
        return names;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
