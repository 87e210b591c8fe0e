package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.inventory.CatalogQuery;
import io.vpbx.admin.domain.inventory.CatalogSort;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.service.catalog.CatalogImport;
import io.vpbx.admin.service.catalog.CatalogSearch;
import io.vpbx.admin.service.catalog.ImportResult;
import io.vpbx.admin.service.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** /v1/catalog: the operator imports numbers; everyone searches the available ones with their prices. */
final class CatalogRoutes implements Routes {
    /** The CSV import: the one route whose body may be larger than a JSON body (admin.max-body-bytes). */
    static final String IMPORT_PATH = "/v1/catalog/imports";

    private final CatalogImport imports;
    private final CatalogSearch search;
    private final NumberViews views;
    private final Exchange exchange;
    private final Query query;

    CatalogRoutes(CatalogImport imports, CatalogSearch search, NumberViews views, Exchange exchange, Query query) {
        this.imports = imports;
        this.search = search;
        this.views = views;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/catalog/ranges").handler(Query.takesNone()).handler(this::importRange);
        router.post(IMPORT_PATH).handler(Query.takes("country")).handler(this::importCsv);
        router.get("/v1/catalog/numbers").handler(Query.takes("country", "type", "region", "category", "starts_with",
                "ends_with", "contains", "mask", "min_monthly_fee", "max_monthly_fee", "sort", "limit",
                "cursor")).handler(this::search);
    }

    private void importRange(RoutingContext rc) {
        exchange.blocking(rc, 201, () -> result(imports.importRange(exchange.context(rc),
                exchange.body(rc, CatalogImport.RangeRequest.class))));
    }

    private void importCsv(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        if (type == null || !type.split(";")[0].trim().equalsIgnoreCase("text/csv")) {
            throw new ApiException(415, "Content-Type", "the import must be sent as Content-Type: text/csv", 0);
        }
        String country = query.text(rc, "country");
        String csv = rc.body() == null || rc.body().buffer() == null ? "" : rc.body().buffer().toString(StandardCharsets.UTF_8);
        exchange.blocking(rc, 201, () -> result(imports.importCsv(exchange.context(rc), csv, country)));
    }

    private ObjectNode result(ImportResult result) {
        ObjectNode body = exchange.mapper().createObjectNode()
                .put("imported", result.imported())
                .put("already_present", result.alreadyPresent());
        ObjectNode byCategory = body.putObject("by_category");
        result.byCategory().forEach((category, count) -> byCategory.put(category.wireName(), count));
        return body;
    }

    private void search(RoutingContext rc) {
        CatalogQuery catalogQuery = catalogQuery(rc);
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), search.search(catalogQuery), catalogQuery.limit(),
                views::catalogEntry, record -> cursorAfter(catalogQuery.sort(), record)));
    }

    private CatalogQuery catalogQuery(RoutingContext rc) {
        String country = query.text(rc, "country");
        String type = query.text(rc, "type");
        String region = Wire.digits("region", query.text(rc, "region"));
        String startsWith = Wire.digits("starts_with", query.text(rc, "starts_with"));
        String prefix = combinePrefixes(region, startsWith);
        List<NumberCategory> categories = new ArrayList<>();
        String categoryList = query.text(rc, "category");
        if (categoryList != null) {
            for (String word : categoryList.split(",")) {
                categories.add(Wire.category("category", word));
            }
        }
        String sortWord = query.text(rc, "sort");
        CatalogSort sort;
        try {
            sort = sortWord == null ? CatalogSort.NUMBER : CatalogSort.fromWire(sortWord);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("sort", "must be one of number, price, price_desc, category_desc; got '" + sortWord + "'");
        }
        String[] cursor = query.cursor(rc, 2);
        return new CatalogQuery(country == null ? null : Wire.country("country", country),
                type == null ? null : Wire.numberType("type", type), prefix, categories,
                Wire.digits("ends_with", query.text(rc, "ends_with")), Wire.digits("contains", query.text(rc, "contains")),
                Wire.mask("mask", query.text(rc, "mask")), query.decimal(rc, "min_monthly_fee"),
                query.decimal(rc, "max_monthly_fee"), sort,
                cursor == null ? null : new CatalogQuery.Cursor(cursor[0], cursor[1]), query.limit(rc));
    }

    /** The region (an area code) and starts_with both constrain the start of the national number. */
    private static String combinePrefixes(String region, String startsWith) {
        if (region == null || startsWith == null) {
            return region == null ? startsWith : region;
        }
        if (startsWith.startsWith(region)) {
            return startsWith;
        }
        if (region.startsWith(startsWith)) {
            return region;
        }
        throw new InvalidFieldException("starts_with", "contradicts region " + region);
    }

    private static String cursorAfter(CatalogSort sort, NumberRecord last) {
        String key = switch (sort) {
            case NUMBER -> last.national();
            case PRICE, PRICE_DESC -> last.price().monthlyFee().amount().toPlainString();
            case CATEGORY_DESC -> Integer.toString(last.category().ordinal());
        };
        return Query.encodeCursor(key, last.e164());
    }
}
