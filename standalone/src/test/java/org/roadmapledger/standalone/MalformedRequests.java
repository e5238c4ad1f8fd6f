package org.roadmapledger.standalone;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of requests that are each wrong in one way, over every endpoint, header and parameter of the
 * API: a valid request of the endpoint, then one change that no valid request makes (a field of the wrong type, an
 * unknown or missing field, a broken date, truncated JSON, a duplicate key, a body too large or in another charset,
 * a malformed header, parameter or path). None may be recorded, none may answer 5xx.
 */
final class MalformedRequests {

    record Request(String method, String path, Map<String, String> headers, byte[] body, String mutation) {
    }

    /** A command endpoint: its path on an objective that exists, and a valid body with its fields' kinds. */
    private record Command(String method, String path, Map<String, Object> body, List<String> required) {
    }

    private static final String OBJECTIVE = "/api/objectives/1.01";
    private static final List<Command> COMMANDS = List.of(
            new Command("POST", "/api/objectives", Map.of("objectiveId", "9.99", "axis", "1", "priority", "1.P1",
                    "title", "Titre", "effectiveOn", "2024-01-02"), List.of("objectiveId", "axis", "priority", "title")),
            new Command("PATCH", OBJECTIVE, Map.of("title", "Nouveau titre", "effectiveOn", "2024-01-02"), List.of()),
            new Command("PUT", OBJECTIVE + "/placement", Map.of("axis", "1", "priority", "1.P2",
                    "effectiveOn", "2024-01-02"), List.of("axis", "priority")),
            new Command("PUT", OBJECTIVE + "/sponsor", Map.of("sponsor", "ANS", "reason", "r",
                    "effectiveOn", "2024-01-02"), List.of("sponsor")),
            new Command("POST", OBJECTIVE + "/milestones", Map.of("milestoneId", "M77", "title", "t",
                    "dueOn", "2025-01-01", "effectiveOn", "2024-01-02"), List.of("milestoneId", "title", "dueOn")),
            new Command("PUT", OBJECTIVE + "/milestones/M1/due-on", Map.of("dueOn", "2025-06-30", "reason", "r",
                    "effectiveOn", "2024-01-02"), List.of("dueOn", "reason")),
            new Command("POST", OBJECTIVE + "/milestones/M1/achievement", Map.of("achievedOn", "2024-01-02",
                    "evidence", "e"), List.of()),
            new Command("POST", OBJECTIVE + "/milestones/M1/achievement/revocation", Map.of("reason", "r",
                    "effectiveOn", "2024-01-02"), List.of("reason")),
            new Command("POST", OBJECTIVE + "/status-reports", Map.of("status", "ON_TRACK", "progressPercent", 40,
                    "comment", "c", "effectiveOn", "2024-01-02"), List.of("status")),
            new Command("POST", "/api/subscriptions", Map.of("url", "https://hooks.example.org/ledger",
                    "description", "d"), List.of("url")));

    /** Reads and their parameters, each with a value it takes. */
    private static final Map<String, Map<String, String>> READS = new LinkedHashMap<>();

    static {
        READS.put("/api/roadmap", Map.of("asOf", "2025-01-01", "validAt", "2024-06-30"));
        READS.put("/api/objectives", Map.of("asOf", "2025-01-01", "validAt", "2024-06-30", "page", "0",
                "size", "10", "status", "ON_TRACK"));
        READS.put(OBJECTIVE, Map.of("asOf", "2025-01-01", "validAt", "2024-06-30", "minVersion", "0"));
        READS.put(OBJECTIVE + "/history", Map.of("page", "0", "size", "10"));
        READS.put("/api/subscriptions", Map.of("page", "0", "size", "10"));
        READS.put("/api/events/stream", Map.of("objective", "1.01", "types", "StatusReported"));
        READS.put("/api/admin/processors", Map.of());
        READS.put("/api/admin/dead-letters", Map.of());
        READS.put("/api/admin/reconciliation", Map.of());
        READS.put("/api/admin/replay", Map.of());
    }

    private static final List<String> BAD_DATES = List.of("+10000-01-01", "-0001-01-01", "1999-12-31",
            "2100-01-01", " 2024-01-02", "2024-01-02 ", "2024-01-02\u0000", "2024-02-30", "20240102", "2024-1-2",
            "yesterday", "", "2024-01-02T00:00:00Z");
    // reads may ask about any year, but only in the one format, and an empty value means "the default"
    private static final List<String> BAD_DATE_PARAMETERS = List.of("+10000-01-01", "-0001-01-01", " 2024-01-02",
            "2024-01-02 ", "2024-01-02\u0000", "2024-02-30", "20240102", "2024-1-2", "yesterday",
            "2024-01-02T00:00:00Z");
    private static final List<String> BAD_INSTANTS = List.of("yesterday", "2024-13-01", "+10000-01-01",
            "2024-01-01T25:00:00Z", "-1", " 2024-01-01", "2024-01-01T00:00:00+99:00", "0x10");
    private static final List<String> BAD_IDS = List.of("a%20b", "-x", "x".repeat(70), "%C0%AF", "a%00b",
            "%E2%80%AE1.01");
    private static final List<Object> WRONG_VALUES = List.of(123, true, 1.5, List.of("a"), Map.of("fr", "t"));

    private final Random random;

    MalformedRequests(long seed) {
        this.random = new Random(seed);
    }

    Request next() {
        return random.nextInt(3) == 0 ? malformedRead() : malformedCommand();
    }

    private Request malformedCommand() {
        Command command = pick(COMMANDS);
        Map<String, Object> body = new LinkedHashMap<>(command.body());
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        String path = command.path();
        String field = pick(List.copyOf(body.keySet()));
        String mutation;
        byte[] bytes;
        switch (random.nextInt(11)) {
            case 0 -> {
                mutation = "wrong type for " + field;
                body.put(field, wrongValueFor(field));
                bytes = json(body);
            }
            case 1 -> {
                mutation = "unknown property";
                body.put("x" + random.nextInt(1000), "v");
                bytes = json(body);
            }
            case 2 -> {
                if (command.required().isEmpty()) {
                    return malformedCommand();
                }
                String missing = pick(command.required());
                mutation = "missing " + missing;
                body.remove(missing);
                bytes = json(body);
            }
            case 3 -> {
                String text = new String(json(body), StandardCharsets.UTF_8);
                mutation = "truncated JSON";
                bytes = text.substring(0, 1 + random.nextInt(text.length() - 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                String text = new String(json(body), StandardCharsets.UTF_8);
                mutation = "duplicate key " + field;
                bytes = (text.substring(0, text.length() - 1) + ",\"" + field + "\":" + jsonValue(body.get(field))
                        + "}").getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                mutation = "bad content type";
                headers.put("Content-Type", pick(List.of("text/plain", "application/xml",
                        "application/json;charset=utf-16", "application/json;charset=iso-8859-1", "}{")));
                bytes = json(body);
            }
            case 6 -> {
                mutation = "body over 64 KiB";
                body.put(field, "x".repeat(70 * 1024));
                bytes = json(body);
            }
            case 7 -> {
                mutation = "invalid UTF-8";
                byte[] valid = json(body);
                bytes = new byte[valid.length + 2];
                System.arraycopy(valid, 0, bytes, 0, valid.length - 2);
                bytes[valid.length - 2] = (byte) 0xC3;
                bytes[valid.length - 1] = (byte) 0x28;
                System.arraycopy(valid, valid.length - 2, bytes, valid.length, 2);
            }
            case 8 -> {
                if (command.path().startsWith("/api/subscriptions")) {
                    return malformedCommand();
                }
                mutation = "malformed If-Match";
                headers.put("If-Match", pick(List.of("abc", "W/\"1\"", "\"x\"", "\"-1\"", "\"\"")));
                bytes = json(body);
            }
            case 9 -> {
                if (command.path().startsWith("/api/subscriptions") || command.path().equals("/api/objectives")) {
                    return malformedCommand();
                }
                mutation = "ill-formed objective id in the path";
                path = path.replace("1.01", pick(BAD_IDS));
                bytes = json(body);
            }
            default -> {
                mutation = "date field not a date";
                String dateField = body.containsKey("effectiveOn") ? "effectiveOn"
                        : body.containsKey("achievedOn") ? "achievedOn" : null;
                if (dateField == null) {
                    return malformedCommand();
                }
                body.put(dateField, pick(BAD_DATES));
                bytes = json(body);
            }
        }
        return new Request(command.method(), path, headers, bytes, command.method() + " " + command.path() + ": "
                + mutation);
    }

    private Request malformedRead() {
        String path = pick(List.copyOf(READS.keySet()));
        Map<String, String> parameters = new LinkedHashMap<>(READS.get(path));
        Map<String, String> headers = new LinkedHashMap<>();
        String method = "GET";
        String mutation;
        int kind = random.nextInt(4);
        if (kind == 0 || parameters.isEmpty()) {
            mutation = "unknown parameter";
            parameters.put("x" + random.nextInt(1000), "1");
            if (path.startsWith("/api/admin/") && !path.endsWith("processors") && random.nextBoolean()) {
                method = "POST"; // the operators' actions refuse it before doing anything
                path = path.endsWith("dead-letters") ? path + "/retry" : path;
            }
        } else if (kind == 1 && path.equals("/api/events/stream")) {
            mutation = "malformed position";
            headers.put("Last-Event-ID", pick(List.of("garbage", "AAAA", "%%", "-1")));
        } else if (kind == 2 && path.contains("1.01")) {
            mutation = "ill-formed objective id in the path";
            path = path.replace("1.01", pick(BAD_IDS));
        } else {
            String parameter = pick(List.copyOf(parameters.keySet()));
            mutation = "bad " + parameter;
            parameters.put(parameter, switch (parameter) {
                case "asOf" -> pick(BAD_INSTANTS);
                case "validAt" -> pick(BAD_DATE_PARAMETERS);
                case "page" -> pick(List.of("-1", "abc", "1.5", "99999999999999999999"));
                case "size" -> pick(List.of("0", "501", "-1", "abc"));
                case "minVersion" -> pick(List.of("abc", "1.5", "99999999999999999999"));
                case "status" -> pick(List.of("DONE", "on_track", "1"));
                case "objective" -> pick(BAD_IDS);
                default -> pick(List.of("Nope", "StatusReported,Nope"));
            });
        }
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(value.replace(" ", "%20").replace("\u0000", "%00").replace("+", "%2B")));
        return new Request(method, path + query, headers, null, method + " " + path + ": " + mutation);
    }

    private Object wrongValueFor(String field) {
        Object value = pick(WRONG_VALUES);
        if (field.equals("progressPercent") && value instanceof Integer) {
            return "40";
        }
        if (field.equals("description") || field.equals("comment") || field.equals("evidence")) {
            return List.of("a"); // optional texts: still no number, list or object
        }
        return value;
    }

    private byte[] json(Map<String, Object> body) {
        StringBuilder json = new StringBuilder("{");
        body.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":")
                .append(jsonValue(value)));
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonValue(Object value) {
        if (value instanceof String text) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + '"';
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(jsonValue(item)));
            return "[" + String.join(",", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add("\"" + k + "\":" + jsonValue(v)));
            return "{" + String.join(",", entries) + "}";
        }
        return String.valueOf(value);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
