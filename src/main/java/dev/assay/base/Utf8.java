package dev.assay.base;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Uploaded files as text: strictly UTF-8, so a file in another encoding is refused rather than garbled. */
public final class Utf8 {

    private Utf8() {
    }

    /** The text, or empty if the bytes are not valid UTF-8. */
    public static Optional<String> decodeStrictly(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
