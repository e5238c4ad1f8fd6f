package org.roadmapledger.query.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import org.roadmapledger.query.feed.Filter;
import org.roadmapledger.query.feed.LedgerFeed;
import org.roadmapledger.query.feed.Position;
import org.roadmapledger.query.feed.StartPositions;
import org.roadmapledger.query.feed.Filters;
import org.roadmapledger.query.web.InvalidParameter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/subscriptions} read and checked field by field:
 * {@code {url, filter: {objective?, axis?, types?}, secret?, description?, after?}}. Every invalid field is
 * reported at once; unknown fields are refused, so that a typo does not silently subscribe to everything.
 */
record SubscriptionRequest(String url, Filter filter, String secret, String description, Position from) {

    private static final Set<String> FIELDS = Set.of("url", "filter", "secret", "description", "after");
    private static final Set<String> FILTER_FIELDS = Set.of("objective", "axis", "types");
    private static final int MAX_URL = 2048;
    private static final int MAX_DESCRIPTION = 500;

    static SubscriptionRequest read(JsonNode body, LedgerFeed feed, TargetPolicy policy) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidSubscription(List.of(error("body", "must be a JSON object")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(error(name, "is not a field of a subscription; known: " + FIELDS));
            }
        }
        String url = url(body.get("url"), errors);
        Filter filter = filter(body.get("filter"), errors);
        String secret = optionalText(body, "secret", errors);
        if (secret != null) {
            try {
                WebhookSigner.of(secret);
            } catch (IllegalArgumentException e) {
                errors.add(error("secret", e.getMessage()));
            }
        }
        String description = optionalText(body, "description", errors);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(error("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        Position from = from(optionalText(body, "after", errors), feed, errors);
        if (errors.isEmpty()) {
            // last: it resolves the host, which only a request otherwise valid is worth
            policy.refusal(URI.create(url)).ifPresent(why -> errors.add(error("url", why)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubscription(errors);
        }
        return new SubscriptionRequest(url, filter, secret == null ? WebhookSigner.newSecret() : secret,
                description, from);
    }

    private static String url(JsonNode node, List<Map<String, String>> errors) {
        if (node == null || node.isNull()) {
            errors.add(error("url", "is required"));
            return null;
        }
        if (!node.isTextual() || node.asText().length() > MAX_URL) {
            errors.add(error("url", "must be an http or https URL of at most " + MAX_URL + " characters"));
            return null;
        }
        String text = node.asText().trim();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getHost().isBlank()) {
                errors.add(error("url", "must be an absolute http or https URL with a host"));
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            errors.add(error("url", "must be an http or https URL: " + e.getReason()));
            return null;
        }
    }

    private static Filter filter(JsonNode node, List<Map<String, String>> errors) {
        if (node == null || node.isNull()) {
            return Filter.ALL;
        }
        if (!node.isObject()) {
            errors.add(error("filter", "must be an object {objective?, axis?, types?}"));
            return Filter.ALL;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FILTER_FIELDS.contains(name)) {
                errors.add(error("filter." + name, "is not a filter; known: " + FILTER_FIELDS));
            }
        }
        String objective = optionalText(node, "objective", errors, "filter.objective");
        String axis = optionalText(node, "axis", errors, "filter.axis");
        String types = null;
        JsonNode typesNode = node.get("types");
        if (typesNode != null && !typesNode.isNull()) {
            if (!typesNode.isArray()) {
                errors.add(error("filter.types", "must be an array of event types"));
            } else {
                List<String> names = new ArrayList<>();
                for (JsonNode type : typesNode) {
                    if (!type.isTextual()) {
                        errors.add(error("filter.types", "must be an array of event types"));
                        break;
                    }
                    names.add(type.asText());
                }
                types = String.join(",", names);
            }
        }
        try {
            return Filters.filter(objective, axis, types);
        } catch (InvalidParameter invalid) {
            errors.add(error("filter." + invalid.parameter(), invalid.getMessage()));
            return Filter.ALL;
        }
    }

    private static Position from(String after, LedgerFeed feed, List<Map<String, String>> errors) {
        if (after == null || after.equals("now")) {
            return feed.now();
        }
        if (after.equals("beginning")) {
            return Position.BEGINNING;
        }
        try {
            return StartPositions.given("after", after, feed);
        } catch (InvalidParameter invalid) {
            errors.add(error("after", invalid.getMessage() + " (or \"now\", the default, or \"beginning\")"));
            return null;
        }
    }

    private static String optionalText(JsonNode body, String field, List<Map<String, String>> errors) {
        return optionalText(body, field, errors, field);
    }

    private static String optionalText(JsonNode body, String field, List<Map<String, String>> errors,
                                       String name) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(error(name, "must be a string"));
            return null;
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
