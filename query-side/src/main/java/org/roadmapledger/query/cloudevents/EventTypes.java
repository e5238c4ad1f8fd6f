package org.roadmapledger.query.cloudevents;

import org.axonframework.serialization.Revision;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.proof.LedgerSealed;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names an event goes by outside the ledger. Its short name is the record's simple name (as in the audit
 * history and the SSE {@code event:} field); its CloudEvents type is
 * {@code org.roadmapledger.<aggregate>.<event-name-in-kebab-case>.v<revision>}, e.g.
 * {@code org.roadmapledger.objective.milestone-achieved.v1}, where the revision is the event's {@code @Revision}:
 * a consumer can route on the type and knows the shape of {@code data} from it.
 */
public final class EventTypes {

    private static final String PREFIX = "org.roadmapledger.";
    private static final Map<String, Class<?>> KNOWN = collect();

    private EventTypes() {
    }

    /** Every event the ledger records, by short name, in a stable order. */
    public static Map<String, Class<?>> known() {
        return KNOWN;
    }

    private static Map<String, Class<?>> collect() {
        Map<String, Class<?>> known = new LinkedHashMap<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(ObjectiveEvent.class);
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (type.isInterface() && type.isSealed()) {
                Collections.addAll(pending, type.getPermittedSubclasses());
            } else {
                known.put(type.getSimpleName(), type);
            }
        }
        known.put(RoadmapStructurePublished.class.getSimpleName(), RoadmapStructurePublished.class);
        known.put(LedgerSealed.class.getSimpleName(), LedgerSealed.class);
        return Collections.unmodifiableMap(known);
    }

    /**
     * The short name for either form of a type name, if the ledger knows that type. A CloudEvents type of an earlier
     * revision names the same event (a filter written against it keeps matching after an event gains a field).
     */
    public static Optional<String> shortName(String name) {
        if (KNOWN.containsKey(name)) {
            return Optional.of(name);
        }
        return KNOWN.values().stream().filter(type -> namesRevisionOf(name, type)).map(Class::getSimpleName)
                .findFirst();
    }

    private static boolean namesRevisionOf(String name, Class<?> type) {
        String current = cloudEventType(type);
        String unversioned = current.substring(0, current.lastIndexOf(".v") + 2);
        if (!name.startsWith(unversioned)) {
            return false;
        }
        String number = name.substring(unversioned.length());
        return number.matches("[1-9][0-9]{0,3}") && Integer.parseInt(number) <= Integer.parseInt(revision(type));
    }

    private static final ClassValue<String> CLOUD_EVENT_TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> payloadType) {
            return PREFIX + aggregate(payloadType) + "." + kebab(payloadType.getSimpleName()) + ".v"
                    + revision(payloadType);
        }
    };

    public static String cloudEventType(Class<?> payloadType) {
        return CLOUD_EVENT_TYPES.get(payloadType);
    }

    /** {@code objective} or {@code roadmap}: the last segment of the event's package in shared-api. */
    public static String aggregate(Class<?> payloadType) {
        String packageName = payloadType.getPackageName();
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }

    static String revision(Class<?> payloadType) {
        Revision revision = payloadType.getAnnotation(Revision.class);
        return revision == null ? "0" : revision.value();
    }

    static String kebab(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
