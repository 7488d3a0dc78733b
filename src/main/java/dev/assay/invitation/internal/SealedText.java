package dev.assay.invitation.internal;

import dev.assay.base.InstallationSecret;
import dev.assay.base.SealedBox;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/**
 * Stores outbox message bodies encrypted (AES-256-GCM, key derived from the installation secret): a body can
 * hold a candidate's working link until it is sent or withdrawn, and a copy of the database must not be enough
 * to open someone's assessment. Bodies written before encryption existed are read as they are.
 */
@Component
@Converter
class SealedText implements AttributeConverter<String, String> {

    private final SealedBox box;

    SealedText(InstallationSecret secret) {
        this.box = new SealedBox(secret, "outbox-body");
    }

    @Override
    public String convertToDatabaseColumn(String text) {
        return box.seal(text);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return box.open(stored);
    }
}
