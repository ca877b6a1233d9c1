package io.yusuan.transport.http;

import io.yusuan.importer.ImportException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Uploaded text must be UTF-8: anything else is said plainly rather than read as garbage. */
final class Utf8Text {

    private Utf8Text() {
    }

    static String decode(byte[] bytes) throws ImportException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportException("文件不是 UTF-8 编码的文本（如为 GBK，请先另存为 UTF-8）");
        }
    }
}
