package org.residencepermit.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DecisionApiTest {

    static final String WUHAN_RENTER = """
            {"asOf": "2024-07-15", "city": "OTHER", "cityName": "WUHAN", "procedure": "FIRST_APPLICATION",
             "applicant": {"birthDate": "1990-05-20", "citizenship": "MAINLAND", "hukouCity": "XINYANG"},
             "registration": {"residenceRegistrationDate": "2024-01-15", "registrationContinuous": true},
             "housing": {"housingType": "RENTED"},
             "submission": {"applicantPresent": true, "basisChosen": "RESIDENCE"}}
            """;

    @Test
    void decidesAFirstApplicationWithDocumentsChannelsAndVersion() {
        given().contentType(ContentType.JSON).body(WUHAN_RENTER)
                .when().post("/api/v1/decisions")
                .then().statusCode(200)
                .body("verdict", equalTo("ELIGIBLE"))
                .body("jurisdiction", equalTo("national"))
                .body("requiredDocuments", hasItems("ID_CARD", "PHOTO"))
                .body("requiredDocuments.find { it instanceof Map }.anyOf", hasItems("LEASE_CONTRACT", "LANDLORD_HOUSING_CERT"))
                .body("documentNames.ID_CARD", equalTo("居民身份证"))
                .body("channels", hasItem("OFFLINE_RESIDENCE_POLICE_STATION"))
                .body("timeLimit.value", equalTo(15))
                .body("fee", equalTo("FREE"))
                .body("reasons.find { it.kind == 'ELIGIBLE' }.ruleId", equalTo("NAT-FA-1"))
                .body("reasons.find { it.kind == 'ELIGIBLE' }.source", containsString("居住证暂行条例"))
                .body("uncertain", equalTo(true))
                .body("rulesetVersion", matchesPattern("[0-9a-f]{12}"))
                .body("trace", equalTo(null));
    }

    @Test
    void explainReturnsEveryFiredRuleWithSourceAndMatchedFacts() {
        given().contentType(ContentType.JSON).body(WUHAN_RENTER)
                .when().post("/api/v1/decisions?explain=true")
                .then().statusCode(200)
                .body("trace.ruleId", hasItems("NAT-SCOPE-1", "NAT-FA-1", "NAT-FA-2"))
                .body("trace.source", everyItem(notNullValue()))
                .body("trace.find { it.ruleId == 'NAT-FA-1' }.matched", hasItem(containsString("monthsSinceRegistration=6")))
                .body("trace.find { it.ruleId == 'NAT-FA-1' }.concluded", hasItem(containsString("Eligible")));
    }

    @Test
    void notEligibleNamesTheFailedConditionAndTheEarliestDate() {
        String early = WUHAN_RENTER.replace("2024-07-15", "2024-07-14");
        given().contentType(ContentType.JSON).body(early)
                .when().post("/api/v1/decisions")
                .then().statusCode(200)
                .body("verdict", equalTo("NOT_ELIGIBLE"))
                .body("reasons.code", hasItem("RESIDENCE_LESS_THAN_6_MONTHS"))
                .body("earliestEligibleDate", equalTo("2024-07-15"))
                .body("requiredDocuments", equalTo(java.util.List.of()));
    }

    @Test
    void anExplainFlagThatIsNeitherTrueNorFalseOrGivenTwiceIsRefused() {
        given().contentType(ContentType.JSON).body(WUHAN_RENTER)
                .when().post("/api/v1/decisions?explain=yes")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("explain"));
        given().contentType(ContentType.JSON).body(WUHAN_RENTER)
                .when().post("/api/v1/decisions?explain=true&explain=false")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("explain"))
                .body("detail", equalTo("explain is given more than once"));
        given().contentType(ContentType.JSON).body(WUHAN_RENTER)
                .when().post("/api/v1/decisions?explain=false")
                .then().statusCode(200).body("trace", equalTo(null));
        for (String bare : new String[]{"explain", "explain="}) {
            given().contentType(ContentType.JSON).body(WUHAN_RENTER)
                    .when().post("/api/v1/decisions?" + bare)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("explain"));
        }
        given().contentType(ContentType.JSON).body(WUHAN_RENTER)
                .when().post("/api/v1/decisions?explian=true")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("explian"));
    }

    /** A gzip body reached the parser compressed ("malformed JSON"); a Latin-1 body was read as UTF-8. */
    @Test
    void aMethodTheResourceDoesNotSupportIs405NamingTheAllowedMethods() {
        given().when().get("/api/v1/decisions")
                .then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .header("Allow", containsString("POST"));
        given().when().delete("/api/v1/jurisdictions")
                .then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        // OPTIONS names the same methods: no HEAD where there is no GET.
        given().when().options("/api/v1/decisions")
                .then().statusCode(200).header("Allow", equalTo("OPTIONS, POST"));
    }

    @Test
    void bodiesInAnotherCodingOrCharsetAre415() {
        given().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(WUHAN_RENTER)
                .when().post("/api/v1/decisions")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json; charset=ISO-8859-1").body(WUHAN_RENTER)
                .when().post("/api/v1/decisions")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json; charset=UTF-8").body(WUHAN_RENTER)
                .when().post("/api/v1/decisions")
                .then().statusCode(200);
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2024-07-15\",")
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Malformed JSON"));
        // Inside a nested object too: a syntax error, with its position, not a "wrong type" of the enclosing field.
        given().contentType(ContentType.JSON)
                .body("{\"asOf\": \"2024-07-15\", \"city\": \"BEIJING\", \"procedure\": \"ENDORSEMENT\", "
                        + "\"permit\": {\"expiryDate\": }}")
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Malformed JSON"))
                .body("detail", equalTo("the body is not valid JSON (line 1, column 96)"))
                .body("field", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void impossibleDateNamesTheField() {
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace("1990-05-20", "1990-02-30"))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("applicant.birthDate"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace("\"registrationContinuous\": true",
                        "\"registrationContinuous\": \"yes\""))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("registration.registrationContinuous"))
                .body("detail", equalTo("registration.registrationContinuous must be true or false"));
    }

    @Test
    void aBodyOfTheWrongShapeIsRefusedInTheContractsTerms() {
        given().contentType(ContentType.JSON).body("[" + WUHAN_RENTER + "]")
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("the body must be an object"));
        given().contentType(ContentType.JSON).body(WUHAN_RENTER + WUHAN_RENTER)
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("the body must be one JSON object with nothing after it"));
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace("\"registrationContinuous\": true",
                        "\"registrationContinuous\": {\"value\": true}"))
                .when().post("/api/v1/decisions")
                .then().statusCode(400)
                .body("detail", equalTo("registration.registrationContinuous must be true or false"));
    }

    @Test
    void aFieldGivenTwiceIsRefusedNotResolvedByOrder() {
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace("\"asOf\": ", "\"asOf\": \"2020-01-01\", \"asOf\": "))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("asOf"))
                .body("detail", equalTo("asOf is given more than once"));
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace("\"registrationContinuous\": true",
                        "\"registrationContinuous\": true, \"registrationContinuous\": false"))
                .when().post("/api/v1/decisions")
                .then().statusCode(400)
                .body("field", equalTo("registration.registrationContinuous"))
                .body("detail", equalTo("registration.registrationContinuous is given more than once"));
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace("\"OTHER\"", "\"MARS\""))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("city"))
                .body("detail", containsString("BEIJING"));
    }

    @Test
    void unknownFieldIsRefusedNotIgnored() {
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace("\"housingType\"", "\"housingTyp\""))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("housingTyp"));
    }

    @Test
    void missingRequiredEnvelopeFieldsNameTheField() {
        for (String field : new String[]{"asOf", "procedure", "city"}) {
            String body = WUHAN_RENTER.replaceFirst("\"" + field + "\": \"[A-Z_0-9-]+\",", "");
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/decisions")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("field", equalTo(field));
        }
    }

    @Test
    void emptyBodyIsA400() {
        given().contentType(ContentType.JSON).body("")
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void negativeCountsAndAncientDatesAreRefused() {
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace("\"basisChosen\"", "\"photoUploads\": -1, \"basisChosen\""))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).body("field", equalTo("submission.photoUploads"));
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace("1990-05-20", "1066-10-14"))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).body("field", equalTo("applicant.birthDate"));
    }

    /** Each row: text of WUHAN_RENTER, what replaces it, the field the problem must name, a part of its detail. */
    @ParameterizedTest(name = "{1} -> 400 naming {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "\"city\": \"OTHER\"                | \"city\": 0                          | city                          | one of [",
            "\"citizenship\": \"MAINLAND\"      | \"citizenship\": 3                   | applicant.citizenship         | one of [",
            "\"city\": \"OTHER\"                | \"city\": \" OTHER\"                 | city                          | ' OTHER' is not one of [",
            "\"city\": \"OTHER\"                | \"city\": \"\\u0001OTHER\\u0000\"    | city                          | is not one of [",
            "\"hukouCity\": \"XINYANG\"         | \"hukouCity\": 123                   | applicant.hukouCity           | is not a string",
            "\"hukouCity\": \"XINYANG\"         | \"hukouCity\": true                  | applicant.hukouCity           | is not a string",
            "\"hukouCity\": \"XINYANG\"         | \"hukouCity\": \"  \"                  | applicant.hukouCity           | must not be blank",
            "\"cityName\": \"WUHAN\"            | \"cityName\": \"\"                     | cityName                      | must not be blank",
            "\"birthDate\": \"1990-05-20\"      | \"birthDate\": [1990, 5, 20]         | applicant.birthDate           | must be a date (YYYY-MM-DD)",
            "\"birthDate\": \"1990-05-20\"      | \"birthDate\": \"1990-05-20T00:00:00\" | applicant.birthDate           | is not a date (YYYY-MM-DD)",
            "\"asOf\": \"2024-07-15\"           | \"asOf\": \"2024-07-15T23:59:59Z\"     | asOf                          | is not a date (YYYY-MM-DD)",
            "\"asOf\": \"2024-07-15\"           | \"asOf\": \" 2024-07-15\"              | asOf                          | is not a date (YYYY-MM-DD)",
            "\"housingType\": \"RENTED\"        | \"housingType\": \"RENTED\"}, \"employment\": {\"socialInsurance\": {\"monthsLast24\": 25} | employment.socialInsurance.monthsLast24 | between 0 and 24",
            "\"housingType\": \"RENTED\"        | \"housingType\": \"RENTED\"}, \"employment\": {\"tax\": {\"lastPaidMonth\": \"0001-01\"} | employment.tax.lastPaidMonth | must lie between",
            "\"housingType\": \"RENTED\"        | \"housingType\": \"RENTED\"}, \"employment\": {\"tax\": {\"lastPaidMonth\": \"2024-7\"} | employment.tax.lastPaidMonth | is not a month (YYYY-MM)",
            "\"basisChosen\"                    | \"documentsProvided\": [\"ID_CARD\", null], \"basisChosen\" | submission.documentsProvided[1] | null",
            "\"basisChosen\"                    | \"photoUploads\": 99999999999, \"basisChosen\" | submission.photoUploads | is out of range",
    })
    void valuesOutsideTheContractAreRefusedNamingTheField(String text, String replacement, String field,
                                                          String detail) {
        assertTrue(WUHAN_RENTER.contains(text), text);
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace(text, replacement))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo(field))
                .body("detail", containsString(detail))
                .body("detail", not(containsString("java")))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void contradictoryDatesGiveNeedsMoreInfoWithTheConflict() {
        given().contentType(ContentType.JSON).body(WUHAN_RENTER.replace("2024-01-15", "2024-09-01"))
                .when().post("/api/v1/decisions")
                .then().statusCode(200)
                .body("verdict", equalTo("NEEDS_MORE_INFO"))
                .body("conflicts", hasItem("DATE_AFTER_AS_OF"));
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String huge = WUHAN_RENTER.replace("\"WUHAN\"", "\"" + "W".repeat(70_000) + "\"");
        given().contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/decisions")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Request body too large"));
    }

    @Test
    void catalogueEndpoints() {
        given().when().get("/api/v1/jurisdictions").then().statusCode(200)
                .body("id", hasItem("national"));
        given().when().get("/api/v1/documents").then().statusCode(200)
                .body("find { it.code == 'LEASE_REGISTRATION_CERT' }.name", equalTo("房屋租赁合同登记备案证明"));
        given().when().get("/api/v1/rules").then().statusCode(200)
                .body("rules.id", hasItem("NAT-END-1"))
                .body("rules.source", everyItem(notNullValue()));
    }

    @Test
    void adminNeedsTheKey() {
        given().when().post("/api/v1/admin/rules/validate").then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "APIKey header=\"X-API-Key\"");
        given().header("X-API-Key", "wrong").when().post("/api/v1/admin/rules/reload").then().statusCode(401);
    }

    /** A NUL cannot be in a path: it was an InvalidPathException and a 500. */
    @Test
    void validateRefusesADirThatIsNoPath() {
        given().header("X-API-Key", "test-admin-key").queryParam("dir", "rules\u0000x")
                .when().post("/api/v1/admin/rules/validate")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("dir"));
    }

    @Test
    void validateRejectsABrokenCandidateAndReloadKeepsServing() throws Exception {
        Path broken = Files.createTempDirectory("broken-rules");
        Path national = Files.createDirectories(broken.resolve("national"));
        Files.writeString(national.resolve("jurisdiction.yaml"), "id: national\ncity: OTHER\nname: test\n");
        Files.writeString(national.resolve("bad.drl"), """
                package org.residencepermit.rules.national;
                rule "NAT-X-1 broken"
                    @source("test")
                when
                    NoSuchFact()
                then
                end
                """);
        given().header("X-API-Key", "test-admin-key").queryParam("dir", broken.toString())
                .when().post("/api/v1/admin/rules/validate")
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].file", containsString("bad.drl"))
                .body("errors[0].line", not(equalTo(0)));
        given().header("X-API-Key", "test-admin-key")
                .when().post("/api/v1/admin/rules/reload")
                .then().statusCode(200).body("valid", equalTo(true));
        given().contentType(ContentType.JSON).body(WUHAN_RENTER)
                .when().post("/api/v1/decisions").then().statusCode(200).body("verdict", equalTo("ELIGIBLE"));
    }

    @Test
    void openApiDocumentsTheContractWithAnExample() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/decisions'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/decisions'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/v1/admin/rules/reload'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ValidationReport"))
                .body("paths.'/api/v1/admin/rules/reload'.post.responses", org.hamcrest.Matchers.hasKey("422"))
                .body("components.securitySchemes.adminKey.name", equalTo("X-API-Key"))
                .body("components.schemas.DecisionRequest.properties", org.hamcrest.Matchers.hasKey("submission"));
    }

    /**
     * The schemas as the service reads and writes: generated from the Java types, four of these were wrong, and the
     * limits the service enforces on counts, texts and dates were missing.
     */
    @Test
    void openApiSchemasDescribeTheJsonNotTheJavaTypes() {
        String schemas = "components.schemas.";
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(schemas + "YearMonth.type", equalTo("string"))
                .body(schemas + "YearMonth.pattern", notNullValue())
                .body(schemas + "RequiredDocument.oneOf[0].'$ref'", equalTo("#/components/schemas/DocumentCode"))
                .body(schemas + "RequiredDocument.oneOf[1].required", equalTo(java.util.List.of("anyOf")))
                .body(schemas + "DecisionRequest.required", equalTo(java.util.List.of("asOf", "city", "procedure")))
                .body(schemas + "DecisionRequest.additionalProperties", equalTo(false))
                .body(schemas + "DecisionRequest.properties.asOf.'$ref'", equalTo("#/components/schemas/LocalDate"))
                .body(schemas + "DecisionRequest.properties.cityName.type", equalTo(java.util.List.of("string", "null")))
                .body(schemas + "Registration.properties.residenceRegistrationDate.anyOf[1].type", equalTo("null"))
                .body(schemas + "Submission.additionalProperties", equalTo(false))
                .body(schemas + "Tax.properties.lastPaidMonth.anyOf[1].type", equalTo("null"))
                .body(schemas + "SocialInsurance.properties.monthsLast12.minimum", equalTo(0))
                .body(schemas + "SocialInsurance.properties.monthsLast12.maximum", equalTo(12))
                .body(schemas + "Proxy.properties.agentAge.maximum", equalTo(10_000))
                .body(schemas + "DecisionRequest.properties.cityName.maxLength", equalTo(200))
                .body(schemas + "DecisionRequest.properties.cityName.minLength", equalTo(1))
                .body(schemas + "LocalDate.description", containsString("between 1900-01-01 and 2199-12-31"))
                .body("paths.'/api/v1/decisions'.post.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "400", "401", "406", "413", "415"));
    }

    /**
     * RFC 9110 12.5.1: a q-value of 0 means "not acceptable". Quarkus REST answered application/json to a client that
     * had refused it, as long as some other type was listed.
     */
    @ParameterizedTest(name = "Accept: {0} -> 406")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"text/html;q=1, application/json;q=0",
            "application/json;q=0, */*", "application/*;q=0, */*;q=1", "*/*;q=0", "application/json; q=0.000"})
    void anAcceptThatRefusesJsonIs406(String accept) {
        given().contentType(ContentType.JSON).accept(accept).body(WUHAN_RENTER)
                .when().post("/api/v1/decisions")
                .then().statusCode(406).contentType(Problem.MEDIA_TYPE);
        given().accept(accept).when().get("/api/v1/jurisdictions")
                .then().statusCode(406).contentType(Problem.MEDIA_TYPE);
    }

    @ParameterizedTest(name = "Accept: {0} -> 200")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"*/*", "application/json;q=0.001", "application/*",
            "text/html, */*;q=0.1", "application/problem+json, application/json;q=0.5", "APPLICATION/JSON"})
    void anAcceptThatTakesJsonGetsIt(String accept) {
        given().contentType(ContentType.JSON).accept(accept).body(WUHAN_RENTER)
                .when().post("/api/v1/decisions")
                .then().statusCode(200).contentType(ContentType.JSON);
    }

    /**
     * Jackson's stream limits (nesting depth, digits of a number, length of a name) came back as "wrong type or shape
     * for submission" quoting Jackson's Java names (StreamReadConstraints.getMaxNumberLength()).
     */
    @Test
    void bodiesBeyondJacksonsLimitsAreRefusedInTheContractsTerms() {
        String deep = WUHAN_RENTER.replace("\"basisChosen\"",
                "\"x\": " + "{\"a\": ".repeat(1200) + "1" + "}".repeat(1200) + ", \"basisChosen\"");
        String longNumber = WUHAN_RENTER.replace("\"basisChosen\"",
                "\"photoUploads\": 1" + "0".repeat(1500) + ", \"basisChosen\"");
        String longName = WUHAN_RENTER.replace("\"basisChosen\"", "\"" + "k".repeat(60_000) + "\": 1, \"basisChosen\"");
        String[][] expected = {
                {deep, "submission", "the body nests more than 1000 objects or lists deep"},
                {longNumber, "submission", "a number in submission has more than 1000 characters"},
                {longName, "submission", "a field name in submission has more than 50000 characters"},
        };
        for (String[] row : expected) {
            given().contentType(ContentType.JSON).body(row[0])
                    .when().post("/api/v1/decisions")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("field", equalTo(row[1]))
                    .body("detail", equalTo(row[2]));
        }
    }

    /** A JSON null is not an empty body, and names no field: it was "the request body is empty" with field "". */
    @Test
    void aNullBodyIsRefusedAsTheWrongShape() {
        given().contentType(ContentType.JSON).body("null")
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("the body must be an object"))
                .body("$", not(org.hamcrest.Matchers.hasKey("field")));
    }

    /**
     * A misspelt or unexpected parameter was ignored: validate?dirr=candidate validated the rules in service and
     * answered 200, reload?dir=candidate reloaded the configured directory, and GET /jurisdictions?city=BEIJING
     * listed every jurisdiction. A parameter given twice was read from its first value.
     */
    @Test
    void unknownOrRepeatedQueryParametersAreRefusedEverywhere() {
        given().header("X-API-Key", "test-admin-key").queryParam("dirr", "/nonexistent")
                .when().post("/api/v1/admin/rules/validate")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("dirr"))
                .body("detail", equalTo("unknown query parameter 'dirr' (the only one is dir)"));
        given().header("X-API-Key", "test-admin-key").queryParam("dir", "/nonexistent")
                .when().post("/api/v1/admin/rules/reload")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("dir"))
                .body("detail", equalTo("unknown query parameter 'dir' (this resource takes none)"));
        given().header("X-API-Key", "test-admin-key")
                .when().post("/api/v1/admin/rules/validate?dir=rules&dir=/nonexistent")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("dir"))
                .body("detail", equalTo("dir is given more than once"));
        for (String path : new String[]{"/api/v1/jurisdictions", "/api/v1/documents", "/api/v1/channels", "/api/v1/rules"}) {
            given().queryParam("city", "BEIJING").when().get(path)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("city"));
        }
        given().when().get("/api/v1/rules").then().statusCode(200);
    }

    /** ";explain=true" is a matrix parameter, which JAX-RS hands to no one: the decision came back without a trace. */
    @Test
    void matrixParametersAreRefusedNotIgnored() {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(WUHAN_RENTER)
                .when().post("/api/v1/decisions;explain=true")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("explain"))
                .body("detail", containsString("?explain=true"));
        given().urlEncodingEnabled(false).when().get("/api/v1/rules;jurisdiction=beijing")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("jurisdiction"));
    }

    /**
     * The response schema said every field might be missing and consequences might hold anything: the document now
     * requires what every decision carries and lists the consequence keys, each present and null when not asserted.
     * Checked against real responses: each required field is sent, and nothing is sent the schema does not list.
     */
    @Test
    void openApiDecisionSchemaSaysWhatEveryResponseCarries() {
        io.restassured.path.json.JsonPath openApi = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        java.util.List<String> required = openApi.getList("components.schemas.Decision.required");
        assertTrue(required != null && required.containsAll(java.util.List.of("verdict", "reasons", "ruleIds",
                "requiredDocuments", "consequences", "missingFacts", "conflicts", "uncertain", "rulesetVersion")),
                "Decision.required: " + required);
        java.util.Set<String> properties = openApi.<String, Object>getMap("components.schemas.Decision.properties").keySet();
        java.util.Map<String, Object> consequences = openApi.getMap("components.schemas.Decision.properties.consequences");
        org.hamcrest.MatcherAssert.assertThat(consequences.get("additionalProperties"), equalTo(false));
        org.hamcrest.MatcherAssert.assertThat(openApi.getList("components.schemas.Decision.properties.consequences.required"),
                hasItems("functionSuspended", "penaltyRisk"));
        org.hamcrest.MatcherAssert.assertThat(
                openApi.getList("components.schemas.Decision.properties.consequences.properties.functionSuspended.type"),
                equalTo(java.util.List.of("boolean", "null")));
        org.hamcrest.MatcherAssert.assertThat(
                openApi.getList("components.schemas.Decision.properties.consequences.properties.penaltyRisk.type"),
                equalTo(java.util.List.of("string", "null")));
        for (String body : new String[]{WUHAN_RENTER, WUHAN_RENTER.replace("2024-07-15", "2024-07-14"),
                WUHAN_RENTER.replace("2024-01-15", "2024-09-01")}) {
            java.util.Map<String, Object> decision = given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/decisions?explain=true").then().statusCode(200).extract().jsonPath().getMap("$");
            assertTrue(decision.keySet().containsAll(required), "missing " + required + " in " + decision.keySet());
            assertTrue(properties.containsAll(decision.keySet()), "not in the schema: " + decision.keySet());
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> sent = (java.util.Map<String, Object>) decision.get("consequences");
            org.hamcrest.MatcherAssert.assertThat(sent.keySet(), equalTo(
                    ((java.util.Map<?, ?>) consequences.get("properties")).keySet()));
        }
    }

    /**
     * A place name with a character no printed name holds was compared as written: hukouCity "WUHAN" followed by NUL,
     * a zero-width space, a no-break space or a lone surrogate counted as another city than cityName WUHAN, and the
     * applicant, whose hukou is local, was found ELIGIBLE. Spaces and tabs around or inside a name stay allowed (they
     * separate words).
     */
    @ParameterizedTest(name = "hukouCity {0} -> 400")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"WUHAN\\u0000", "WU\\u0007HAN", "WUHAN\\u200b",
            "\\ufeffWUHAN", "WU\\u00a0HAN", "WU\\ud800HAN", "WUHAN\\udc00", "WU\\u202eHAN", "WUHAN\\ue000"})
    void placeNamesWithInvisibleOrControlCharactersAreRefused(String name) {
        given().contentType(ContentType.JSON)
                .body(WUHAN_RENTER.replace("\"hukouCity\": \"XINYANG\"", "\"hukouCity\": \"" + name + "\""))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("applicant.hukouCity"))
                .body("detail", containsString("applicant.hukouCity must hold printable characters only"));
    }

    @ParameterizedTest(name = "hukouCity {0} -> same city, NOT_ELIGIBLE")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"WUHAN", " WUHAN ", "WUHAN\\t", "Wuhan City",
            "\\u3000WUHAN"})
    void placeNamesWithSpacesStayReadable(String name) {
        given().contentType(ContentType.JSON)
                .body(WUHAN_RENTER.replace("\"hukouCity\": \"XINYANG\"", "\"hukouCity\": \"" + name + "\""))
                .when().post("/api/v1/decisions")
                .then().statusCode(200)
                .body("verdict", equalTo("NOT_ELIGIBLE"))
                .body("reasons.code", hasItem("HUKOU_IN_SAME_CITY"));
        // In a nested text field too: the proxy's relation detail.
        given().contentType(ContentType.JSON)
                .body(WUHAN_RENTER.replace("\"basisChosen\"",
                        "\"proxy\": {\"relationDetail\": \"SON\\u0000\"}, \"basisChosen\""))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).body("field", equalTo("submission.proxy.relationDetail"));
    }

    /** Each catalogue operation describes its 200 as well as its refusals (declaring a 400 once dropped the 200). */
    @Test
    void openApiCatalogueOperationsDescribeTheirAnswers() {
        String paths = "paths.'/api/v1/";
        String ok = "'.get.responses.'200'.content.'application/json'.schema";
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(paths + "jurisdictions" + ok + ".items.'$ref'", equalTo("#/components/schemas/JurisdictionView"))
                .body(paths + "documents" + ok + ".items.'$ref'", equalTo("#/components/schemas/DocumentView"))
                .body(paths + "channels" + ok + ".items.'$ref'", equalTo("#/components/schemas/ChannelView"))
                .body(paths + "rules" + ok + ".'$ref'", equalTo("#/components/schemas/RuleCatalogue"))
                .body(paths + "rules'.get.responses.keySet()", hasItems("200", "400", "406"));
    }

    @Test
    void healthAndMetrics() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rules' }.status", equalTo("UP"));
        given().contentType(ContentType.JSON).body(WUHAN_RENTER).post("/api/v1/decisions");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("decisions_total{city=\"OTHER\",procedure=\"FIRST_APPLICATION\",verdict=\"ELIGIBLE\""))
                .body(containsString("decision_latency_seconds"));
    }
}
