package dev.assay.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A download that looks like a button: a link (so the browser saves the file and keyboard users reach it once)
 * around a button that is not itself focusable. The content is made when the link is followed, so it is current.
 */
public final class Downloads {

    private Downloads() {
    }

    public static Anchor button(String id, String label, String fileName, String contentType, Supplier<String> content) {
        return bytes(id, label, fileName, contentType, () -> content.get().getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #button} for binary content, such as a PDF. */
    public static Anchor bytes(String id, String label, String fileName, String contentType, Supplier<byte[]> content) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        }), "");
        link.setId(id);
        Button button = new Button(label, VaadinIcon.DOWNLOAD.create());
        button.setTabIndex(-1);
        link.add(button);
        return link;
    }

    /** {@link #button} for CSV text. */
    public static Anchor csv(String id, String label, String fileName, Supplier<String> content) {
        return button(id, label, fileName, "text/csv; charset=utf-8", content);
    }
}
