package dev.assay.base.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.assay.base.LogSafe;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Stack traces with candidates' link tokens masked, e.g. in exception messages (registered for {@code %wEx}). */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogSafe.mask(super.convert(event));
    }
}
