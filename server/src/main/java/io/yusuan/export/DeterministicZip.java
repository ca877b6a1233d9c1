package io.yusuan.export;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives whose bytes depend only on their content: entries in the order given, every entry dated
 * with one fixed time (stored as a local DOS time from a UTC wall clock, so the machine's time zone does
 * not leak in), no extra fields, one compression level.
 */
final class DeterministicZip implements AutoCloseable {

    private final ZipOutputStream zip;
    private final LocalDateTime time;

    DeterministicZip(OutputStream out, LocalDateTime time) {
        // the caller owns `out`: closing the archive finishes it but must not close their stream
        this.zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, StandardCharsets.UTF_8);
        this.zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        this.time = time.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : time;
    }

    void add(String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /**
     * Reads an archive held in memory through its central directory. java.util.zip.ZipInputStream cannot
     * read fastexcel's output (its data descriptors always carry 8-byte sizes, which ZipInputStream only
     * expects above 4 GB), and ZipFile needs a file on disk. Zip64 archives are refused: an export that
     * size is far beyond anything a budget produces.
     */
    static Map<String, byte[]> read(byte[] archive) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        int end = findEndOfCentralDirectory(archive, buf);
        int count = Short.toUnsignedInt(buf.getShort(end + 10));
        int pos = (int) Integer.toUnsignedLong(buf.getInt(end + 16));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (buf.getInt(pos) != 0x02014b50) {
                throw new ZipException("broken central directory at " + pos);
            }
            int method = Short.toUnsignedInt(buf.getShort(pos + 10));
            long compressed = Integer.toUnsignedLong(buf.getInt(pos + 20));
            long size = Integer.toUnsignedLong(buf.getInt(pos + 24));
            int nameLength = Short.toUnsignedInt(buf.getShort(pos + 28));
            int extraLength = Short.toUnsignedInt(buf.getShort(pos + 30));
            int commentLength = Short.toUnsignedInt(buf.getShort(pos + 32));
            long local = Integer.toUnsignedLong(buf.getInt(pos + 42));
            String name = new String(archive, pos + 46, nameLength, StandardCharsets.UTF_8);
            if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                throw new ZipException("zip64 entry " + name + " is not supported");
            }
            int localNameLength = Short.toUnsignedInt(buf.getShort((int) local + 26));
            int localExtraLength = Short.toUnsignedInt(buf.getShort((int) local + 28));
            int data = (int) local + 30 + localNameLength + localExtraLength;
            entries.put(name, content(name, archive, data, (int) compressed, (int) size, method));
            pos += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static int findEndOfCentralDirectory(byte[] archive, ByteBuffer buf) throws ZipException {
        for (int pos = archive.length - 22; pos >= Math.max(0, archive.length - 22 - 0xFFFF); pos--) {
            if (buf.getInt(pos) == 0x06054b50) {
                return pos;
            }
        }
        throw new ZipException("not a zip archive");
    }

    private static byte[] content(String name, byte[] archive, int offset, int compressed, int size, int method)
            throws ZipException {
        if (method == ZipEntry.STORED) {
            byte[] out = new byte[size];
            System.arraycopy(archive, offset, out, 0, size);
            return out;
        }
        if (method != ZipEntry.DEFLATED) {
            throw new ZipException(name + ": compression method " + method + " is not supported");
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(archive, offset, compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 64));
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ZipException(name + ": truncated entry");
                }
                out.write(chunk, 0, n);
            }
            if (out.size() != size) {
                throw new ZipException(name + ": expected " + size + " bytes, got " + out.size());
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ZipException(name + ": " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
