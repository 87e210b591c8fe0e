package io.vpbx.admin;

import io.vpbx.admin.domain.price.PriceTable;
import io.vpbx.admin.domain.price.PriceTableReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the price table comes from: the file named by catalog.price-table, or the bundled default. */
public final class PriceTables {
    private static final String BUNDLED = "/catalog/price-table.csv";

    private PriceTables() {
    }

    public static PriceTable load(Optional<Path> file) {
        String source = file.map(Path::toString).orElse("bundled " + BUNDLED);
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get()) : PriceTables.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled price table is missing from the build");
            }
            return new PriceTableReader().read(in, source);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog.price-table: cannot read " + source, e);
        }
    }
}
