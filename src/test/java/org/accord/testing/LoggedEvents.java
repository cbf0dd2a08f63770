package org.accord.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * What the service logged while some work ran, for tests that a client's mistake is logged as such
 * (at WARN, without a stack trace) and not as the server's.
 *
 * @param result what the work answered
 * @param events every event logged meanwhile, by any logger
 */
public record LoggedEvents<T>(T result, List<ILoggingEvent> events) {

    /** Runs the work with the root logger's events collected. */
    public static <T> LoggedEvents<T> during(Supplier<T> work) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            return new LoggedEvents<>(work.get(), List.copyOf(logged.list));
        } finally {
            root.detachAppender(logged);
        }
    }

    /** The events at {@code level} or above, or carrying a stack trace, as "logger: message". */
    public List<String> atLeastOrWithATrace(Level level) {
        return events.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(level) || event.getThrowableProxy() != null)
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
                .toList();
    }

    /** The messages of the events at exactly {@code level}. */
    public List<String> at(Level level) {
        return events.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
