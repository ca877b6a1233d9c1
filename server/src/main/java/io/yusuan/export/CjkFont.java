package io.yusuan.export;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The Chinese font embedded in every PDF, found in this order: a path the operator gave ({@code PDF_FONT},
 * optionally with {@code ,index} for a collection), the copy of WenQuanYi Micro Hei the build puts in the
 * jar ({@code fonts/wqy-microhei.ttc}), Debian's {@code fonts-wqy-microhei} package. The file's bytes are
 * read once and kept; each document gets its own {@link BaseFont} from them, because OpenPDF keeps
 * per-font state (the subset prefix's random source) that concurrent exports must not share.
 */
public final class CjkFont {

    static final String RESOURCE = "/fonts/wqy-microhei.ttc";
    static final Path DEBIAN = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private static final String HOW_TO_FIX = "install the Debian package fonts-wqy-microhei (or rebuild the jar on a"
            + " machine that has it), or set PDF_FONT to a TrueType font with Chinese glyphs, e.g. PDF_FONT=/path/font.ttc,0";

    private final byte[] bytes;
    /** What OpenPDF is told the font is called: its kind (.ttc/.ttf/.otf) and collection index come from it. */
    private final String name;
    private final String source;

    private CjkFont(byte[] bytes, String name, String source) {
        this.bytes = bytes;
        this.name = name;
        this.source = source;
    }

    /**
     * @param explicit the operator's setting ({@code /path/font.ttc,0}, {@code /path/font.ttf}); null or
     *                 blank to use the shipped or system font. A setting that names no readable file is an
     *                 error, not a reason to fall back silently to another font.
     */
    public static CjkFont resolve(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return fromSetting(explicit.strip());
        }
        try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                return new CjkFont(in.readAllBytes(), "wqy-microhei.ttc,0", "classpath:" + RESOURCE.substring(1));
            }
        } catch (IOException e) {
            throw new FontUnavailableException("cannot read the font shipped in the jar (" + RESOURCE + "): " + e.getMessage(), e);
        }
        if (Files.isReadable(DEBIAN)) {
            return new CjkFont(read(DEBIAN), "wqy-microhei.ttc,0", DEBIAN.toString());
        }
        throw new FontUnavailableException("no Chinese font for PDF export: " + HOW_TO_FIX);
    }

    private static CjkFont fromSetting(String setting) {
        String file = setting;
        int index = 0;
        int comma = setting.lastIndexOf(',');
        if (comma > 0 && setting.substring(comma + 1).strip().matches("\\d{1,3}")) {
            file = setting.substring(0, comma).strip();
            index = Integer.parseInt(setting.substring(comma + 1).strip());
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new FontUnavailableException("PDF_FONT=" + setting + ": no readable font file at " + path + "; " + HOW_TO_FIX);
        }
        String lower = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String kind;
        if (lower.endsWith(".ttc")) {
            kind = "font.ttc," + index;
        } else if (lower.endsWith(".ttf") || lower.endsWith(".otf")) {
            kind = "font" + lower.substring(lower.length() - 4);
        } else {
            throw new FontUnavailableException("PDF_FONT=" + setting + ": expected a .ttf, .otf or .ttc file; " + HOW_TO_FIX);
        }
        CjkFont font = new CjkFont(read(path), kind, path.toString() + (kind.contains(",") ? "," + index : ""));
        font.newBaseFont(new byte[] {0}); // fail now, with the setting in the message, not in the middle of an export
        return font;
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new FontUnavailableException("cannot read font " + path + ": " + e.getMessage(), e);
        }
    }

    /** Where the font came from, for the log and the health page. */
    public String source() {
        return source;
    }

    /**
     * A font for one document, embedded as a subset with Identity-H. {@code seed} decides the subset's
     * six-letter name prefix (normally random), so the same document gets the same name.
     */
    BaseFont newBaseFont(byte[] seed) {
        try {
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSecureRandom(new SeededPrefix(seed));
            return font;
        } catch (DocumentException e) {
            throw new FontUnavailableException("font " + source + " cannot be used: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * OpenPDF draws the subset prefix with {@code nextDouble()} of this source; answering from the seed
     * makes it a function of the content. Nothing else in OpenPDF uses a font's random source.
     */
    private static final class SeededPrefix extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;
        private int next;

        SeededPrefix(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public synchronized double nextDouble() {
            int b = seed[next++ % seed.length] & 0xff;
            return b / 256.0;
        }
    }
}
