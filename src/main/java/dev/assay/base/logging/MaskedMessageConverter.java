package dev.assay.base.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.assay.base.LogSafe;

/** The log message with candidates' link tokens masked (registered for {@code %m} in logback-spring.xml). */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogSafe.mask(super.convert(event));
    }
}
