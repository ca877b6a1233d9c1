package io.yusuan.export;

/**
 * No CJK font could be found for the PDF. Chinese text needs an embedded font (a PDF that relies on the
 * viewer's fonts shows boxes or nothing on machines without one), so the export refuses rather than
 * writing such a file.
 */
public final class FontUnavailableException extends RuntimeException {

    public FontUnavailableException(String message) {
        super(message);
    }

    public FontUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
