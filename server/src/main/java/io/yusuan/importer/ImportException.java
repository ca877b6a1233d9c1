package io.yusuan.importer;

/** The text cannot become a budget document; the message says why, in Chinese, for the uploader. */
public class ImportException extends Exception {

    public ImportException(String message) {
        super(message);
    }
}
