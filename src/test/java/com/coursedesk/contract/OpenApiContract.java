package com.coursedesk.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The billing API contract (src/main/resources/openapi/billing-api.yaml) as a test oracle.
 *
 * <p>swagger-parser reads the document to find operations, parameters, responses and headers;
 * bodies, parameters and headers are validated by networknt's JSON Schema 2020-12 validator
 * (with the OpenAPI 3.1 vocabulary) against the schemas <em>inside</em> the document, addressed
 * by JSON pointer, so the document stays the single source of truth.
 *
 * <p>Every method returns human-readable violations; an empty list means the message honours
 * the contract. Instances are immutable and thread-safe.
 */
public final class OpenApiContract {

    /** The document's classpath location. */
    public static final String RESOURCE = "openapi/billing-api.yaml";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    private static final Pattern TEMPLATE_SEGMENT = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern INTEGER_TEXT = Pattern.compile("-?\\d{1,18}");
    private static final Pattern BEARER = Pattern.compile("Bearer [\\x21-\\x7E]+");
    /** The OpenAPI object's own fields: the schema factory sees them when it loads the document. */
    private static final Set<String> OPENAPI_ROOT_FIELDS = Set.of("openapi", "jsonSchemaDialect", "info",
            "servers", "tags", "security", "paths", "components", "webhooks", "externalDocs");

    private static OpenApiContract shared;

    private final String resource;
    private final String baseIri;
    private final OpenAPI api;
    private final JsonNode document;
    private final List<String> parserMessages;
    private final List<Route> routes;
    private final JsonSchemaFactory schemaFactory;
    private final SchemaValidatorsConfig schemaConfig;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    private OpenApiContract(String resource) {
        this.resource = resource;
        this.baseIri = "classpath:" + resource;
        String text = readResource(resource);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        this.api = result.getOpenAPI();
        this.parserMessages = result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
        if (api == null || api.getPaths() == null || !parserMessages.isEmpty()) {
            throw new IllegalStateException(resource + " is not a clean OpenAPI document: " + parserMessages);
        }
        try {
            this.document = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is not YAML", e);
        }
        this.json = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        // A typo'd keyword inside a schema must fail loudly instead of being ignored, so only the
        // OpenAPI object's fields and x- extensions are tolerated as "unknown keywords".
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(OpenApi31.getInstance())
                .unknownKeywordFactory((keyword, context) -> {
                    if (OPENAPI_ROOT_FIELDS.contains(keyword) || keyword.startsWith("x-")) {
                        return new NonValidationKeyword(keyword);
                    }
                    throw new IllegalStateException("unknown JSON Schema keyword '" + keyword + "' in " + resource);
                })
                .build();
        this.schemaFactory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(metaSchema).defaultMetaSchemaIri(metaSchema.getIri()));
        this.schemaConfig = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();

        List<Route> literal = new ArrayList<>();
        List<Route> templated = new ArrayList<>();
        api.getPaths().forEach((template, item) -> {
            Route route = Route.of(template, item);
            (route.parameterNames.isEmpty() ? literal : templated).add(route);
        });
        // A literal path wins over a template that would also match it (OpenAPI's rule).
        literal.addAll(templated);
        this.routes = List.copyOf(literal);

        requireIntegerOnlyNumbers();
        compileEverySchema();
    }

    /**
     * The contract from the classpath. Parsing and compiling every schema takes a moment, so
     * one instance is shared by all tests of a JVM (it is immutable).
     *
     * @throws IllegalStateException when the document does not parse cleanly or a schema does not compile
     */
    public static synchronized OpenApiContract load() {
        if (shared == null) {
            shared = new OpenApiContract(RESOURCE);
        }
        return shared;
    }

    /** Another document on the classpath, unshared: for tests of this class's own guards. */
    static OpenApiContract fromClasspath(String resource) {
        return new OpenApiContract(resource);
    }

    /** The parsed document (swagger-parser model). */
    public OpenAPI openApi() {
        return api;
    }

    /** What swagger-parser said about the document; empty for a clean document. */
    public List<String> parserMessages() {
        return parserMessages;
    }

    /** The document as a JSON tree, for tests that inspect it directly. */
    public JsonNode document() {
        return document;
    }

    /** The path templates of the document, in document order. */
    public List<String> pathTemplates() {
        return List.copyOf(api.getPaths().keySet());
    }

    /** True when the path (query ignored) matches a path template of the document. */
    public boolean isDeclaredPath(String pathAndQuery) {
        return match(pathOf(pathAndQuery)) != null;
    }

    /** The statuses declared for an operation (empty when the operation is not declared). */
    public Set<Integer> declaredStatuses(String method, String pathAndQuery) {
        Op op = find(method, pathOf(pathAndQuery));
        if (op == null || op.operation.getResponses() == null) {
            return Set.of();
        }
        return op.operation.getResponses().keySet().stream()
                .filter(key -> key.matches("\\d{3}"))
                .map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The problem {@code code}s declared for one status of an operation, or for the answers to
     * an undeclared path (404) or method (405); empty when none are declared.
     */
    public Set<String> declaredProblemCodes(String method, String pathAndQuery, int status) {
        String path = pathOf(pathAndQuery);
        Resolved response;
        Route route = match(path);
        if (route == null) {
            response = status == 404 ? fallback("unknownPath") : null;
        } else {
            Op op = find(method, path);
            response = op != null ? response(op, status) : status == 405 ? fallback("wrongMethod") : null;
        }
        if (response == null || response.response.getContent() == null) {
            return Set.of();
        }
        MediaType problem = response.response.getContent().get(PROBLEM_JSON);
        return problem == null ? Set.of()
                : problemCodes(document.at(response.pointer + "/content/" + escape(PROBLEM_JSON) + "/schema"));
    }

    /**
     * Checks one answer of the server against the contract.
     *
     * @param method       the request's method
     * @param pathAndQuery the request's path, with or without its query
     * @param status       the answer's status
     * @param contentType  the answer's Content-Type, or null to take it from {@code headers}
     * @param headers      the answer's headers (names in any case)
     * @param body         the answer's body, or null / empty for none
     * @return the violations; empty when the answer honours the contract
     */
    public List<String> validateResponse(String method, String pathAndQuery, int status, String contentType,
                                         Map<String, List<String>> headers, String body) {
        String path = pathOf(pathAndQuery);
        String verb = method.toUpperCase(Locale.ROOT);
        String where = verb + " " + path + " -> " + status;
        Map<String, List<String>> head = caseInsensitive(headers);
        String type = contentType != null ? contentType : first(head, "Content-Type");
        List<String> violations = new ArrayList<>();

        Route route = match(path);
        if (route == null) {
            if (status == 404) {
                checkResponse(violations, where + " (undeclared path)", fallback("unknownPath"), type, head, body, false);
            } else {
                violations.add(where + ": undeclared path " + path + "; the contract answers an unknown path only with"
                        + " 404 not_found");
            }
            return violations;
        }
        Op op = find(verb, path);
        if (op == null) {
            Set<String> allowed = route.methods();
            if (status == 405) {
                checkResponse(violations, where + " (undeclared method)", fallback("wrongMethod"), type, head, body,
                        false);
                checkAllowHeader(violations, where, head, allowed);
            } else {
                violations.add(where + ": undeclared method " + verb + " for " + route.template + " (declared: "
                        + allowed + "); the contract answers it only with 405 invalid_request");
            }
            return violations;
        }
        Resolved response = response(op, status);
        if (response == null) {
            violations.add(where + ": undeclared status " + status + " for " + verb + " " + route.template
                    + " (declared: " + declaredStatuses(verb, path) + ")");
            return violations;
        }
        checkResponse(violations, where, response, type, head, body, op.isAction(api));
        return violations;
    }

    /**
     * Checks one request of a client against the contract: the operation exists, the bearer token
     * is sent where needed, path/query/header parameters (Idempotency-Key on actions) and the body
     * match their schemas.
     *
     * @param headers the request's headers (names in any case)
     * @param body    the request's body, or null / empty for none
     * @return the violations; empty when the request honours the contract
     */
    public List<String> validateRequest(String method, String pathAndQuery, Map<String, List<String>> headers,
                                        String body) {
        String path = pathOf(pathAndQuery);
        String verb = method.toUpperCase(Locale.ROOT);
        String where = verb + " " + path;
        Map<String, List<String>> head = caseInsensitive(headers);
        List<String> violations = new ArrayList<>();

        Route route = match(path);
        if (route == null) {
            violations.add(where + ": undeclared path " + path);
            return violations;
        }
        Op op = find(verb, path);
        if (op == null) {
            violations.add(where + ": undeclared method " + verb + " for " + route.template + " (declared: "
                    + route.methods() + ")");
            return violations;
        }

        if (op.isSecured(api)) {
            String authorization = first(head, "Authorization");
            if (authorization == null) {
                violations.add(where + ": missing Authorization header (this operation needs a bearer token)");
            } else if (!BEARER.matcher(authorization).matches()) {
                violations.add(where + ": Authorization header is not 'Bearer <token>'");
            }
        }
        checkParameters(violations, where, op, route, path, queryOf(pathAndQuery), head);
        checkRequestBody(violations, where, op, head, body);
        return violations;
    }

    // ----- response checks -----

    private void checkResponse(List<String> violations, String where, Resolved response, String contentType,
                               Map<String, List<String>> headers, String body, boolean action) {
        Map<String, Header> declaredHeaders = response.response.getHeaders() == null ? Map.of()
                : response.response.getHeaders();
        for (Map.Entry<String, Header> entry : declaredHeaders.entrySet()) {
            String name = entry.getKey();
            Resolved.HeaderRef header = resolveHeader(response.pointer, name, entry.getValue());
            List<String> values = headers.get(name);
            if (values == null || values.isEmpty()) {
                if (Boolean.TRUE.equals(header.header.getRequired())) {
                    violations.add(where + ": missing required header " + name);
                }
                continue;
            }
            if (values.size() > 1) {
                violations.add(where + ": header " + name + " sent " + values.size() + " times");
            }
            checkValue(violations, where + ": header " + name, header.pointer + "/schema", values.get(0));
        }
        String replayed = first(headers, IDEMPOTENT_REPLAYED);
        if (replayed != null) {
            if (!"true".equals(replayed)) {
                violations.add(where + ": header " + IDEMPOTENT_REPLAYED + " must be \"true\" when present, was \""
                        + replayed + "\"");
            }
            if (!action || !declaredHeaders.containsKey(IDEMPOTENT_REPLAYED)) {
                violations.add(where + ": header " + IDEMPOTENT_REPLAYED
                        + " on an answer that the contract never replays");
            }
        }

        Map<String, MediaType> content = response.response.getContent() == null ? Map.of()
                : response.response.getContent();
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isEmpty()) {
            if (hasBody) {
                violations.add(where + ": this answer has no body, but " + body.length() + " characters came");
            }
            return;
        }
        if (contentType == null || contentType.isBlank()) {
            violations.add(where + ": missing Content-Type (declared: " + content.keySet() + ")");
            return;
        }
        String mediaType = baseMediaType(contentType);
        if (!content.containsKey(mediaType)) {
            violations.add(where + ": wrong content type " + contentType + " (declared: " + content.keySet() + ")");
            return;
        }
        checkCharset(violations, where, contentType);
        if (!hasBody) {
            violations.add(where + ": empty body, expected " + mediaType);
            return;
        }
        JsonNode instance = parseJson(violations, where, body);
        if (instance == null) {
            return;
        }
        String schemaPointer = response.pointer + "/content/" + escape(mediaType) + "/schema";
        validateInstance(violations, where + ": body", schemaPointer, instance);
        if (PROBLEM_JSON.equals(mediaType)) {
            Set<String> codes = problemCodes(document.at(schemaPointer));
            JsonNode code = instance.path("code");
            if (!codes.isEmpty() && code.isTextual() && !codes.contains(code.asText())) {
                violations.add(where + ": problem code '" + code.asText() + "' is not declared for this status"
                        + " (declared: " + codes + ")");
            }
        }
    }

    private void checkAllowHeader(List<String> violations, String where, Map<String, List<String>> headers,
                                  Set<String> declared) {
        String allow = first(headers, "Allow");
        if (allow == null) {
            return; // reported as a missing required header already
        }
        Set<String> listed = new TreeSet<>();
        for (String part : allow.split(",")) {
            listed.add(part.trim().toUpperCase(Locale.ROOT));
        }
        if (!listed.containsAll(declared)) {
            violations.add(where + ": Allow header '" + allow + "' does not list the declared methods " + declared);
        }
    }

    // ----- request checks -----

    private void checkParameters(List<String> violations, String where, Op op, Route route, String path,
                                 Map<String, List<String>> query, Map<String, List<String>> headers) {
        Map<String, String> pathValues = route.values(path);
        Set<String> declaredQuery = new LinkedHashSet<>();
        for (Resolved.ParamRef param : op.parameters(api)) {
            Parameter p = param.parameter;
            String label = where + ": " + p.getIn() + " parameter " + p.getName();
            String value;
            switch (p.getIn()) {
                case "path" -> value = pathValues.get(p.getName());
                case "query" -> {
                    declaredQuery.add(p.getName());
                    List<String> values = query.get(p.getName());
                    if (values != null && values.size() > 1) {
                        violations.add(label + " sent " + values.size() + " times");
                    }
                    value = values == null ? null : values.get(0);
                }
                case "header" -> value = first(headers, p.getName());
                default -> value = null;
            }
            if (value == null) {
                if (Boolean.TRUE.equals(p.getRequired())) {
                    violations.add(label + " is required but missing");
                }
                continue;
            }
            checkValue(violations, label, param.pointer + "/schema", value);
        }
        for (String name : query.keySet()) {
            if (!declaredQuery.contains(name)) {
                violations.add(where + ": undeclared query parameter " + name);
            }
        }
    }

    private void checkRequestBody(List<String> violations, String where, Op op, Map<String, List<String>> headers,
                                  String body) {
        boolean hasBody = body != null && !body.isEmpty();
        RequestBody requestBody = op.operation.getRequestBody();
        if (requestBody == null) {
            if (hasBody) {
                violations.add(where + ": this operation takes no body, but " + body.length() + " characters were sent");
            }
            return;
        }
        String pointer = op.pointer + "/requestBody";
        if (requestBody.get$ref() != null) {
            String name = lastSegment(requestBody.get$ref());
            requestBody = api.getComponents().getRequestBodies().get(name);
            pointer = "/components/requestBodies/" + escape(name);
        }
        if (!hasBody) {
            if (Boolean.TRUE.equals(requestBody.getRequired())) {
                violations.add(where + ": the request body is required");
            }
            return;
        }
        String contentType = first(headers, "Content-Type");
        String mediaType;
        if (contentType == null) {
            violations.add(where + ": a body is sent without Content-Type");
            mediaType = requestBody.getContent().keySet().iterator().next();
        } else if (!requestBody.getContent().containsKey(baseMediaType(contentType))) {
            violations.add(where + ": wrong request content type " + contentType + " (declared: "
                    + requestBody.getContent().keySet() + ")");
            return;
        } else {
            mediaType = baseMediaType(contentType);
            checkCharset(violations, where, contentType);
        }
        JsonNode instance = parseJson(violations, where + ": request", body);
        if (instance != null) {
            validateInstance(violations, where + ": request body", pointer + "/content/" + escape(mediaType)
                    + "/schema", instance);
        }
    }

    // ----- shared checks -----

    private void validateInstance(List<String> violations, String label, String schemaPointer, JsonNode instance) {
        for (ValidationMessage message : schema(schemaPointer).validate(instance)) {
            violations.add(label + " " + message.getMessage());
        }
        // JSON Schema counts 49.0 as an integer; the contract says money is never a floating-point
        // number, and the document declares no non-integer numbers, so any fraction is a violation.
        reportFractionalNumbers(violations, label, instance, "$");
    }

    private void reportFractionalNumbers(List<String> violations, String label, JsonNode node, String at) {
        if (node.isFloatingPointNumber()) {
            violations.add(label + " " + at + ": " + node + " is written as a fractional number; every number in"
                    + " this API is an integer");
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                reportFractionalNumbers(violations, label, field.getValue(), at + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                reportFractionalNumbers(violations, label, node.get(i), at + "[" + i + "]");
            }
        }
    }

    /** Validates a header or parameter value, typed as its schema says (they travel as text). */
    private void checkValue(List<String> violations, String label, String schemaPointer, String value) {
        JsonNode instance;
        if ("integer".equals(resolve(document.at(schemaPointer)).path("type").asText())) {
            if (!INTEGER_TEXT.matcher(value).matches()) {
                violations.add(label + ": '" + value + "' is not an integer");
                return;
            }
            instance = LongNode.valueOf(Long.parseLong(value));
        } else {
            instance = TextNode.valueOf(value);
        }
        for (ValidationMessage message : schema(schemaPointer).validate(instance)) {
            violations.add(label + " '" + value + "' " + message.getMessage());
        }
    }

    private JsonNode parseJson(List<String> violations, String where, String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            violations.add(where + ": body is not JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static void checkCharset(List<String> violations, String where, String contentType) {
        Matcher charset = Pattern.compile("(?i);\\s*charset=\"?([^;\"\\s]+)").matcher(contentType);
        if (charset.find() && !charset.group(1).equalsIgnoreCase("utf-8")) {
            violations.add(where + ": charset " + charset.group(1) + " is not UTF-8");
        }
    }

    /** The problem codes a schema allows: enum/const of {@code properties.code}, through $ref and allOf/anyOf/oneOf. */
    private Set<String> problemCodes(JsonNode schemaNode) {
        Set<String> codes = new TreeSet<>();
        collectCodes(schemaNode, codes, 0);
        return codes;
    }

    private void collectCodes(JsonNode node, Set<String> codes, int depth) {
        if (node == null || node.isMissingNode() || depth > 20) {
            return;
        }
        if (node.has("$ref")) {
            collectCodes(refTarget(node.get("$ref").asText()), codes, depth + 1);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(part -> collectCodes(part, codes, depth + 1));
        }
        JsonNode code = node.path("properties").path("code");
        code.path("enum").forEach(value -> codes.add(value.asText()));
        if (code.has("const")) {
            codes.add(code.get("const").asText());
        }
    }

    // ----- document navigation -----

    private JsonSchema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            try {
                JsonSchema schema = schemaFactory.getSchema(SchemaLocation.of(baseIri + "#" + p), schemaConfig);
                schema.initializeValidators();
                return schema;
            } catch (JsonSchemaException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException("the schema at " + resource + "#" + p + " does not compile: "
                        + cause.getMessage(), e);
            }
        });
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 20 && current.has("$ref"); i++) {
            current = refTarget(current.get("$ref").asText());
        }
        return current;
    }

    private JsonNode refTarget(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalStateException("only local $refs are supported, got " + ref);
        }
        return document.at(ref.substring(1));
    }

    private Route match(String path) {
        for (Route route : routes) {
            if (route.pattern.matcher(path).matches()) {
                return route;
            }
        }
        return null;
    }

    private Op find(String method, String path) {
        Route route = match(path);
        if (route == null) {
            return null;
        }
        PathItem.HttpMethod httpMethod;
        try {
            httpMethod = PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        Operation operation = route.item.readOperationsMap().get(httpMethod);
        return operation == null ? null
                : new Op(route, operation, "/paths/" + escape(route.template) + "/" + httpMethod.name().toLowerCase(Locale.ROOT));
    }

    private Resolved response(Op op, int status) {
        if (op.operation.getResponses() == null) {
            return null;
        }
        String exact = String.valueOf(status);
        String range = status / 100 + "XX";
        for (String key : List.of(exact, range, "default")) {
            ApiResponse response = op.operation.getResponses().get(key);
            if (response != null) {
                return resolveResponse(response, op.pointer + "/responses/" + escape(key));
            }
        }
        return null;
    }

    private Resolved fallback(String kind) {
        Object extension = api.getExtensions() == null ? null : api.getExtensions().get("x-unmatched-request-responses");
        if (!(extension instanceof Map<?, ?> map) || !(map.get(kind) instanceof String ref)) {
            throw new IllegalStateException(resource + " lacks x-unmatched-request-responses." + kind);
        }
        ApiResponse stub = new ApiResponse();
        stub.set$ref(ref);
        return resolveResponse(stub, null);
    }

    private Resolved resolveResponse(ApiResponse response, String pointer) {
        if (response.get$ref() == null) {
            return new Resolved(response, pointer);
        }
        String name = lastSegment(response.get$ref());
        ApiResponse target = api.getComponents().getResponses().get(name);
        if (target == null) {
            throw new IllegalStateException("unresolvable response " + response.get$ref());
        }
        return new Resolved(target, "/components/responses/" + escape(name));
    }

    private Resolved.HeaderRef resolveHeader(String responsePointer, String name, Header header) {
        if (header.get$ref() == null) {
            return new Resolved.HeaderRef(header, responsePointer + "/headers/" + escape(name));
        }
        String component = lastSegment(header.get$ref());
        Header target = api.getComponents().getHeaders().get(component);
        if (target == null) {
            throw new IllegalStateException("unresolvable header " + header.get$ref());
        }
        return new Resolved.HeaderRef(target, "/components/headers/" + escape(component));
    }

    /** Compiles every schema the validator can reach, so a broken $ref fails at load, not mid-test. */
    private void compileEverySchema() {
        for (Route route : routes) {
            for (PathItem.HttpMethod method : route.item.readOperationsMap().keySet()) {
                Op op = find(method.name(), route.example());
                for (Resolved.ParamRef param : op.parameters(api)) {
                    schema(param.pointer + "/schema");
                }
                if (op.operation.getRequestBody() != null && op.operation.getRequestBody().getContent() != null) {
                    op.operation.getRequestBody().getContent().keySet().forEach(
                            type -> schema(op.pointer + "/requestBody/content/" + escape(type) + "/schema"));
                }
                for (String key : op.operation.getResponses().keySet()) {
                    compileResponse(resolveResponse(op.operation.getResponses().get(key),
                            op.pointer + "/responses/" + escape(key)));
                }
            }
        }
        compileResponse(fallback("unknownPath"));
        compileResponse(fallback("wrongMethod"));
    }

    private void compileResponse(Resolved response) {
        if (response.response.getHeaders() != null) {
            response.response.getHeaders().forEach(
                    (name, header) -> schema(resolveHeader(response.pointer, name, header).pointer + "/schema"));
        }
        if (response.response.getContent() != null) {
            response.response.getContent().keySet().forEach(
                    type -> schema(response.pointer + "/content/" + escape(type) + "/schema"));
        }
    }

    /** The fractional-number rule in {@link #validateInstance} is only right while no schema allows fractions. */
    private void requireIntegerOnlyNumbers() {
        List<String> found = new ArrayList<>();
        findNumberTypes(document.path("components"), "#/components", found);
        findNumberTypes(document.path("paths"), "#/paths", found);
        if (!found.isEmpty()) {
            throw new IllegalStateException(resource + " declares non-integer numbers at " + found
                    + "; OpenApiContract rejects every fractional number and must learn where they are allowed");
        }
    }

    private static void findNumberTypes(JsonNode node, String at, List<String> found) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null && (type.asText().equals("number") || (type.isArray() && type.toString().contains("\"number\"")))) {
                found.add(at);
            }
            node.properties().forEach(field -> findNumberTypes(field.getValue(), at + "/" + field.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNumberTypes(node.get(i), at + "/" + i, found);
            }
        }
    }

    // ----- small helpers -----

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String lastSegment(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    static String pathOf(String pathAndQuery) {
        String path = pathAndQuery;
        int cut = indexOfAny(path, '?', '#');
        return cut < 0 ? path : path.substring(0, cut);
    }

    private static Map<String, List<String>> queryOf(String pathAndQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        int start = pathAndQuery.indexOf('?');
        if (start < 0) {
            return query;
        }
        String raw = pathAndQuery.substring(start + 1);
        int hash = raw.indexOf('#');
        if (hash >= 0) {
            raw = raw.substring(0, hash);
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    private static String baseMediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null) {
                    map.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
                }
            });
        }
        return map;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String readResource(String resource) {
        ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                OpenApiContract.class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----- small value types -----

    /** A path template of the document and the regular expression that matches its concrete paths. */
    private record Route(String template, Pattern pattern, List<String> parameterNames, PathItem item) {

        static Route of(String template, PathItem item) {
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            Matcher m = TEMPLATE_SEGMENT.matcher(template);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            return new Route(template, Pattern.compile(regex.toString()), List.copyOf(names), item);
        }

        Map<String, String> values(String path) {
            Matcher m = pattern.matcher(path);
            Map<String, String> values = new LinkedHashMap<>();
            if (m.matches()) {
                for (int i = 0; i < parameterNames.size(); i++) {
                    values.put(parameterNames.get(i),
                            URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
                }
            }
            return values;
        }

        Set<String> methods() {
            return item.readOperationsMap().keySet().stream().map(Enum::name)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        /** A concrete path that matches this template. */
        String example() {
            return TEMPLATE_SEGMENT.matcher(template).replaceAll("x");
        }
    }

    /** One operation and the JSON pointer of its object in the document. */
    private record Op(Route route, Operation operation, String pointer) {

        /** An action takes an Idempotency-Key, and only actions may replay an answer. */
        boolean isAction(OpenAPI api) {
            return parameters(api).stream().map(Resolved.ParamRef::parameter)
                    .anyMatch(p -> "header".equals(p.getIn()) && IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()));
        }

        boolean isSecured(OpenAPI api) {
            var security = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
            return security != null && !security.isEmpty();
        }

        /** Path-item and operation parameters, $refs resolved, each with its pointer. */
        List<Resolved.ParamRef> parameters(OpenAPI api) {
            List<Resolved.ParamRef> result = new ArrayList<>();
            String pathPointer = pointer.substring(0, pointer.lastIndexOf('/'));
            addParameters(api, route.item.getParameters(), pathPointer + "/parameters/", result);
            addParameters(api, operation.getParameters(), pointer + "/parameters/", result);
            return result;
        }

        private static void addParameters(OpenAPI api, Collection<Parameter> parameters, String prefix,
                                          List<Resolved.ParamRef> into) {
            if (parameters == null) {
                return;
            }
            int i = 0;
            for (Parameter parameter : parameters) {
                if (parameter.get$ref() != null) {
                    String name = lastSegment(parameter.get$ref());
                    into.add(new Resolved.ParamRef(api.getComponents().getParameters().get(name),
                            "/components/parameters/" + escape(name)));
                } else {
                    into.add(new Resolved.ParamRef(parameter, prefix + i));
                }
                i++;
            }
        }
    }

    /** A response object with $refs resolved, and the JSON pointer of where it really lives. */
    private record Resolved(ApiResponse response, String pointer) {
        record HeaderRef(Header header, String pointer) {
        }

        record ParamRef(Parameter parameter, String pointer) {
        }
    }
}
