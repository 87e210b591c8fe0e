package io.vpbx.admin.service.catalog;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.inventory.CatalogEntry;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.InvalidPhoneNumberException;
import io.vpbx.admin.domain.number.NumberType;
import io.vpbx.admin.domain.number.PhoneNumber;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.Wire;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The operator fills the catalog: a range {country, type, region, first, last} or a CSV list. Every
 * number is normalised, classified and priced; the whole import is one transaction (all or nothing),
 * streamed to the database in chunks so that a million numbers fit in little memory.
 */
public final class CatalogImport {
    private static final int CHUNK = 5_000;

    /** A range import request as received. */
    public record RangeRequest(String country, String type, String region, String first, String last) {
    }

    private final Transactions transactions;
    private final NumberStore numbers;
    private final CatalogEntryFactory entries;
    private final PhoneNumberParser parser;
    private final Auditor auditor;
    private final Clock clock;
    private final int maxRange;

    public CatalogImport(Transactions transactions, NumberStore numbers, CatalogEntryFactory entries,
                         PhoneNumberParser parser, Auditor auditor, Clock clock, int maxRange) {
        this.transactions = transactions;
        this.numbers = numbers;
        this.entries = entries;
        this.parser = parser;
        this.auditor = auditor;
        this.clock = clock;
        this.maxRange = maxRange;
    }

    public ImportResult importRange(RequestContext ctx, RangeRequest request) {
        ctx.requireOperator();
        Country country = Wire.country("country", request.country());
        NumberType type = Wire.numberType("type", request.type());
        PhoneNumber first = parse("first", request.first(), country);
        PhoneNumber last = parse("last", request.last(), country);
        String region = request.region() == null ? first.region() : request.region().trim();
        checkMember("first", first, type, region);
        checkMember("last", last, type, region);
        if (first.nationalNumber().length() != last.nationalNumber().length()) {
            throw new InvalidFieldException("last", "must have as many digits as first");
        }
        long from = Long.parseLong(first.nationalNumber());
        long to = Long.parseLong(last.nationalNumber());
        if (to < from) {
            throw new InvalidFieldException("last", "must not be below first");
        }
        if (to - from + 1 > maxRange) {
            throw new InvalidFieldException("last", "a range holds at most " + maxRange + " numbers (catalog.import-max-range), got " + (to - from + 1));
        }
        String prefix = "+" + country.callingCode();
        int width = first.nationalNumber().length();
        ImportResult result = transactions.inTransaction(tx -> {
            Counter counter = new Counter(clock.instant());
            List<CatalogEntry> chunk = new ArrayList<>(CHUNK);
            for (long value = from; value <= to; value++) {
                String national = String.format("%0" + width + "d", value);
                PhoneNumber number = parse("last", prefix + national, country);
                checkMember("last", number, type, region);
                chunk.add(entries.entry(number));
                if (chunk.size() == CHUNK) {
                    counter.flush(tx, chunk);
                }
            }
            counter.flush(tx, chunk);
            ImportResult done = counter.result();
            auditor.record(tx, ctx, null, "catalog.range_imported", "catalog_range", first.e164() + ".." + last.e164(),
                    new Changes().field("imported", null, String.valueOf(done.imported())).list());
            return done;
        });
        return result;
    }

    /** One number per line, optionally a header line starting with "number"; extra columns are ignored. */
    public ImportResult importCsv(RequestContext ctx, String csv, String countryHint) {
        ctx.requireOperator();
        Country hint = countryHint == null ? null : Wire.country("country", countryHint);
        List<PhoneNumber> parsed = new ArrayList<>();
        String[] lines = csv.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase().startsWith("number"))) {
                continue;
            }
            String cell = line.split(",", 2)[0].trim().replace("\"", "");
            parsed.add(parse("line " + (i + 1), cell, hint));
        }
        if (parsed.isEmpty()) {
            throw new InvalidFieldException("body", "the CSV holds no numbers");
        }
        if (parsed.size() > maxRange) {
            throw new InvalidFieldException("body", "at most " + maxRange + " numbers per import");
        }
        return transactions.inTransaction(tx -> {
            Counter counter = new Counter(clock.instant());
            List<CatalogEntry> chunk = new ArrayList<>(CHUNK);
            for (PhoneNumber number : parsed) {
                chunk.add(entries.entry(number));
                if (chunk.size() == CHUNK) {
                    counter.flush(tx, chunk);
                }
            }
            counter.flush(tx, chunk);
            ImportResult done = counter.result();
            auditor.record(tx, ctx, null, "catalog.csv_imported", "catalog_csv", parsed.get(0).e164(),
                    new Changes().field("imported", null, String.valueOf(done.imported())).list());
            return done;
        });
    }

    private PhoneNumber parse(String field, String value, Country hint) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        try {
            return hint == null ? parser.parse(value) : parser.parse(value, hint);
        } catch (InvalidPhoneNumberException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    private static void checkMember(String field, PhoneNumber number, NumberType type, String region) {
        if (number.type() != type) {
            throw new InvalidFieldException(field, number.e164() + " is a " + number.type().wireName() + " number, not " + type.wireName());
        }
        if (!number.region().equals(region)) {
            throw new InvalidFieldException(field, number.e164() + " is in region " + number.region() + ", not " + region);
        }
    }

    /** Inserts chunks and counts what they added; categories are counted over every number of the import. */
    private final class Counter {
        private final Instant at;
        private final Map<NumberCategory, Integer> byCategory = new EnumMap<>(NumberCategory.class);
        private int seen;
        private int imported;

        Counter(Instant at) {
            this.at = at;
        }

        void flush(Tx tx, List<CatalogEntry> chunk) throws SQLException {
            if (chunk.isEmpty()) {
                return;
            }
            int added = numbers.importEntries(tx, chunk, at);
            seen += chunk.size();
            imported += added;
            chunk.forEach(e -> byCategory.merge(e.classification().category(), 1, Integer::sum));
            chunk.clear();
        }

        ImportResult result() {
            return new ImportResult(imported, seen - imported, byCategory);
        }
    }
}
