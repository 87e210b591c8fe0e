package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API finding 4 (catalog hoarding): per-account limits on numbers held in reservations and numbers bought per
 * hour and day, set by the operator, answered 409 / 429 naming the limit; over HTTP against a whole server, on
 * H2 and PostgreSQL by the subclasses.
 */
abstract class AccountLimitsApiContract extends WholeServerContract {
    String acme;
    String acmeId;

    AccountLimitsApiContract(String kind) {
        super(kind);
    }

    @BeforeEach
    void createAccountAndRange() {
        Api.Response created = api.post("/v1/accounts", op, "{\"name\":\"Acme\"}");
        acme = created.json().get("api_key").asText();
        acmeId = created.json().get("id").asText();
        Api.Response imported = api.post("/v1/catalog/ranges", op,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230299\"}");
        assertEquals(201, imported.status(), imported.body());
    }

    private static String numbers(int from, int count) {
        List<String> list = new ArrayList<>();
        IntStream.range(from, from + count).forEach(i -> list.add(String.format("\"+74951230%03d\"", i)));
        return "{\"numbers\":[" + String.join(",", list) + "]}";
    }

    private Api.Response reserve(String key, int from, int count) {
        return api.post("/v1/reservations", key, numbers(from, count));
    }

    private Api.Response buy(String key, String reservationId) {
        return api.call("POST", "/v1/numbers", key, "{\"reservation_id\":\"" + reservationId + "\"}",
                Map.of("Idempotency-Key", "buy-" + reservationId));
    }

    private Api.Response setLimits(String json) {
        return api.patch("/v1/accounts/" + acmeId + "/limits", op, json);
    }

    @Test
    void oneAccountCannotHoardARangeInReservations() {
        assertEquals(201, reserve(acme, 0, 100).status(), "the default lets an account hold 100 numbers");
        Api.Response over = reserve(acme, 100, 1);

        assertEquals(409, over.status(), over.body());
        assertEquals("application/problem+json", over.header("Content-Type"));
        assertEquals("max_reserved_numbers", over.json().get("limit").asText());
        assertEquals(100, over.json().get("limit_value").asInt());
        Api.Response other = api.post("/v1/accounts", op, "{\"name\":\"Globex\"}");
        assertEquals(201, reserve(other.json().get("api_key").asText(), 100, 1).status(), "the rest of the range is still for others");
    }

    @Test
    void theOperatorLowersAndRaisesTheReservationLimit() {
        assertEquals(200, setLimits("{\"max_reserved_numbers\":3}").status());
        assertEquals(201, reserve(acme, 0, 3).status());
        assertEquals(409, reserve(acme, 3, 1).status());

        Api.Response raised = setLimits("{\"max_reserved_numbers\":5}");
        assertEquals(200, raised.status(), raised.body());
        assertEquals(5, raised.json().get("max_reserved_numbers").asInt());
        assertEquals(201, reserve(acme, 3, 2).status());
        assertEquals(409, reserve(acme, 5, 1).status());

        assertEquals(200, setLimits("{\"max_reserved_numbers\":null}").status(), "null brings back the default");
        Api.Response back = api.get("/v1/accounts/" + acmeId + "/limits", acme);
        assertEquals(100, back.json().get("max_reserved_numbers").asInt());
        assertEquals(0, back.json().get("operator_set").size());
    }

    @Test
    void buyingOverTheHourlyLimitWaitsForTheHourToPass() {
        assertEquals(200, setLimits("{\"purchases_per_hour\":2}").status());
        assertEquals(201, buy(acme, reserve(acme, 0, 2).json().get("id").asText()).status());
        running.clock.advance(Duration.ofMinutes(10));
        String third = reserve(acme, 2, 1).json().get("id").asText();

        Api.Response over = buy(acme, third);

        assertEquals(429, over.status(), over.body());
        assertEquals("purchases_per_hour", over.json().get("limit").asText());
        assertEquals(2, over.json().get("limit_value").asInt());
        assertEquals("3001", over.header("Retry-After"), "50 minutes until the first purchase leaves the hour, and a second");
        running.clock.advance(Duration.ofMinutes(15));
        assertEquals(429, buy(acme, third).status(), "still within the hour");
        running.clock.advance(Duration.ofMinutes(36));
        assertEquals(201, buy(acme, reserve(acme, 3, 1).json().get("id").asText()).status(), "the hour has passed");
    }

    @Test
    void theDailyLimitCountsPurchasesOfTheLast24Hours() {
        assertEquals(200, setLimits("{\"purchases_per_hour\":10,\"purchases_per_day\":3}").status());
        assertEquals(201, buy(acme, reserve(acme, 0, 3).json().get("id").asText()).status());
        running.clock.advance(Duration.ofHours(2));
        Api.Response over = buy(acme, reserve(acme, 3, 1).json().get("id").asText());
        assertEquals(429, over.status(), over.body());
        assertEquals("purchases_per_day", over.json().get("limit").asText());
        assertNotNull(over.header("Retry-After"));
    }

    @Test
    void twoConcurrentPurchasesCannotBothTakeTheLastSlot() throws Exception {
        assertEquals(200, setLimits("{\"purchases_per_hour\":1}").status());
        String first = reserve(acme, 0, 1).json().get("id").asText();
        String second = reserve(acme, 1, 1).json().get("id").asText();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> buys = new ArrayList<>();
        for (String reservation : List.of(first, second)) {
            buys.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return buy(acme, reservation).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> each : buys) {
            statuses.add(each.get());
        }
        statuses.sort(Integer::compareTo);
        assertEquals(List.of(201, 429), statuses);
    }

    @Test
    void theAccountReadsItsLimitsAndOnlyTheOperatorChangesThemAudited() {
        Api.Response own = api.get("/v1/accounts/" + acmeId + "/limits", acme);
        assertEquals(200, own.status(), own.body());
        assertEquals(30, own.json().get("concurrent_calls").asInt());
        assertEquals(false, own.json().get("allow_international").asBoolean());

        assertEquals(403, api.patch("/v1/accounts/" + acmeId + "/limits", acme, "{\"concurrent_calls\":1000}").status());
        Api.Response other = api.post("/v1/accounts", op, "{\"name\":\"Globex\"}");
        assertEquals(404, api.get("/v1/accounts/" + acmeId + "/limits", other.json().get("api_key").asText()).status());

        Api.Response changed = setLimits("{\"concurrent_calls\":5,\"allow_international\":true,\"allowed_prefixes\":[\"+375\"]}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals(List.of("concurrent_calls", "allow_international", "allowed_prefixes"),
                list(changed.json().get("operator_set")));
        Api.Response audit = api.get("/v1/audit-events?resource_type=account_limits", acme);
        assertEquals(1, audit.json().get("items").size(), audit.body());
        assertEquals("account.limits_changed", audit.json().get("items").get(0).get("action").asText());

        Api.Response bad = setLimits("{\"allowed_prefixes\":[\"+7a\"]}");
        assertEquals(422, bad.status());
        assertEquals("allowed_prefixes[0]", bad.json().get("field").asText());
        assertEquals(422, setLimits("{\"max_call_seconds\":0}").status());
        assertEquals(422, setLimits("{\"concurent_calls\":3}").status());
        assertTrue(api.get("/v1/accounts/nobody/limits", op).status() == 404);
    }

    private static List<String> list(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
