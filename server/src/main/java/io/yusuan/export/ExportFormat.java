package io.yusuan.export;

/** The file formats a published budget can be exported to, with what an HTTP reply needs to serve them. */
public enum ExportFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf"),
    /** a zip of one CSV per table (and the 说明 as text), since one CSV cannot hold several tables */
    CSV("application/zip", "zip"),
    JSON("application/json; charset=utf-8", "json");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** Without the dot: "xlsx", "pdf", "zip", "json". */
    public String extension() {
        return extension;
    }

    /** Case-insensitive lookup for a query parameter such as {@code ?format=pdf}; null when unknown. */
    public static ExportFormat parse(String name) {
        if (name == null) {
            return null;
        }
        for (ExportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        return null;
    }
}
