package dev.assay.base.ui;

import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload kept in memory with its size limit enforced as it arrives: a declared size over the limit is
 * refused before any of the body is read, and an undeclared one stops being read one byte past the limit.
 * The browser's own limit is only a courtesy; this is the one that holds. Both outcomes run in the UI.
 */
public final class LimitedUpload implements UploadHandler {

    /** Room for the multipart framing around a file, if a client sends one that way. */
    private static final long FRAMING = 64 * 1024;

    private final long maxBytes;
    private final SerializableBiConsumer<UploadMetadata, byte[]> received;
    private final SerializableConsumer<String> refused;

    /**
     * @param received gets the file when it fits
     * @param refused  gets a sentence for the person when it does not
     */
    public LimitedUpload(long maxBytes, SerializableBiConsumer<UploadMetadata, byte[]> received,
            SerializableConsumer<String> refused) {
        this.maxBytes = maxBytes;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String tooLarge = String.format("%s is larger than %,d MB, the most this accepts.", event.getFileName(),
                maxBytes / 1024 / 1024);
        if (event.getFileSize() > maxBytes) {
            refuse(event, tooLarge);
            return;
        }
        byte[] data;
        try (InputStream in = event.getInputStream()) {
            data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (data.length > maxBytes) {
            refuse(event, tooLarge);
            return;
        }
        UploadMetadata meta = new UploadMetadata(event.getFileName(), event.getContentType(), data.length);
        event.getUI().access(() -> received.accept(meta, data));
    }

    private void refuse(UploadEvent event, String message) {
        event.reject(message);
        event.getUI().access(() -> refused.accept(message));
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + FRAMING;
    }
}
