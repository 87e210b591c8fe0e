package io.vpbx.admin.domain.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity document types each jurisdiction accepts, in the order of their data files.
 * Immutable: a changed catalogue is a new one.
 */
public final class DocumentCatalogue {

    private final Map<Jurisdiction, Map<String, DocumentType>> byJurisdiction;

    /** Refuses two types with the same code in one jurisdiction. */
    public DocumentCatalogue(Collection<DocumentType> types) {
        Map<Jurisdiction, Map<String, DocumentType>> grouped = new EnumMap<>(Jurisdiction.class);
        for (DocumentType type : types) {
            Map<String, DocumentType> codes = grouped.computeIfAbsent(type.jurisdiction(), j -> new LinkedHashMap<>());
            if (codes.putIfAbsent(type.code(), type) != null) {
                throw new IllegalArgumentException(type.jurisdiction() + " document type '" + type.code()
                        + "' is defined twice");
            }
        }
        Map<Jurisdiction, Map<String, DocumentType>> frozen = new EnumMap<>(Jurisdiction.class);
        grouped.forEach((jurisdiction, codes) -> frozen.put(jurisdiction, Collections.unmodifiableMap(codes)));
        this.byJurisdiction = Collections.unmodifiableMap(frozen);
    }

    /** The catalogue shipped with vpbx: {@code compliance/documents-RU.json} and {@code documents-CN.json}. */
    public static DocumentCatalogue bundled() {
        DocumentTypeReader reader = new DocumentTypeReader();
        List<DocumentType> all = new ArrayList<>();
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            String resource = "compliance/documents-" + jurisdiction + ".json";
            List<DocumentType> types = readResource(reader, resource);
            for (DocumentType type : types) {
                if (type.jurisdiction() != jurisdiction) {
                    throw new IllegalArgumentException(resource + " declares jurisdiction " + type.jurisdiction());
                }
            }
            all.addAll(types);
        }
        return new DocumentCatalogue(all);
    }

    /** A catalogue of one or more data files, each in the form {@link DocumentTypeReader} reads. */
    public static DocumentCatalogue read(InputStream... files) {
        DocumentTypeReader reader = new DocumentTypeReader();
        List<DocumentType> all = new ArrayList<>();
        for (InputStream file : files) {
            all.addAll(reader.read(file));
        }
        return new DocumentCatalogue(all);
    }

    public Optional<DocumentType> find(Jurisdiction jurisdiction, String code) {
        return Optional.ofNullable(byJurisdiction.getOrDefault(jurisdiction, Map.of()).get(code));
    }

    /** The types of one jurisdiction in file order; empty when it has none. */
    public List<DocumentType> types(Jurisdiction jurisdiction) {
        return List.copyOf(byJurisdiction.getOrDefault(jurisdiction, Map.of()).values());
    }

    private static List<DocumentType> readResource(DocumentTypeReader reader, String resource) {
        try (InputStream in = DocumentCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + resource + " is missing");
            }
            try {
                return reader.read(in);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(resource + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
