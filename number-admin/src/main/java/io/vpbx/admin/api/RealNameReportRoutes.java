package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.compliance.RealNameRate;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.compliance.RealNameReport;
import java.util.List;

/** GET /v1/compliance/real-name-rates?format=json|csv: the operator's real-name report, per account and jurisdiction. */
final class RealNameReportRoutes implements Routes {
    private static final String CRLF = "\r\n";

    private final RealNameReport report;
    private final Exchange exchange;
    private final Query query;

    RealNameReportRoutes(RealNameReport report, Exchange exchange, Query query) {
        this.report = report;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/compliance/real-name-rates").handler(Query.takes("format")).handler(this::rates);
    }

    private void rates(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        String format = query.text(rc, "format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw new InvalidFieldException("format", "must be json or csv");
        }
        exchange.offLoop(() -> report.rates(ctx)).onSuccess(rates -> {
            if ("csv".equals(format)) {
                rc.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"real-name-rates.csv\"").end(csv(rates));
            } else {
                exchange.json(rc, 200, json(rates));
            }
        }).onFailure(rc::fail);
    }

    private ObjectNode json(List<RealNameRate> rates) {
        ObjectNode body = exchange.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        for (RealNameRate r : rates) {
            items.addObject().put("account_id", r.accountId()).put("account_name", r.accountName()).put("jurisdiction", r.jurisdiction())
                    .put("active_numbers", r.activeNumbers()).put("verified_numbers", r.verifiedNumbers()).put("rate", r.rate());
        }
        return body;
    }

    private static String csv(List<RealNameRate> rates) {
        StringBuilder out = new StringBuilder("account_id,account_name,jurisdiction,active_numbers,verified_numbers,rate" + CRLF);
        for (RealNameRate r : rates) {
            out.append(r.accountId()).append(',').append(quoted(r.accountName())).append(',').append(r.jurisdiction()).append(',')
                    .append(r.activeNumbers()).append(',').append(r.verifiedNumbers()).append(',').append(r.rate().toPlainString())
                    .append(CRLF);
        }
        return out.toString();
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
    private static String quoted(String value) {
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
