package dev.assay.invitation.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Writes invitation mail and builds candidate links from the portal's public address. */
@Component
public class InvitationMail {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/c/[A-Za-z0-9_-]{43}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(Locale.UK).withZone(ZoneId.of("UTC"));

    private final String publicUrl;

    InvitationMail(@Value("${assay.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** What a mail is about: the parts of the assessment a candidate needs to decide and prepare. */
    public record About(String assessmentTitle, String roleName, int taskCount, int totalMinutes, String contact) {
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** Whether links point at this computer (localhost), so no candidate elsewhere could open them. */
    public boolean pointsToThisComputer() {
        String host;
        try {
            host = java.net.URI.create(publicUrl).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1");
    }

    public String link(String token) {
        return publicUrl + "/c/" + token;
    }

    public String subject(About about) {
        return "Your invitation: " + about.assessmentTitle();
    }

    public String body(String candidateName, About about, int accommodationPercent, Instant startDeadline, String link) {
        int minutes = about.totalMinutes() + (int) Math.ceil(about.totalMinutes() * accommodationPercent / 100.0);
        return """
                Hello %s,

                You are invited to a work-sample assessment for the %s role: "%s".

                It has %d %s and takes up to %d minutes%s once you start. You do it in your browser; you \
                don't need an account. Your work is saved as you go, so a lost connection won't cost you \
                your answers.

                Start any time before %s (UTC):
                %s

                This link is personal: please don't share it. If you need an adjustment, such as extra \
                time, or have any questions, contact %s before you start.

                Good luck!
                """.formatted(candidateName, about.roleName(), about.assessmentTitle(), about.taskCount(),
                about.taskCount() == 1 ? "task" : "tasks", minutes,
                accommodationPercent > 0 ? " (including your " + accommodationPercent + "% extra time)" : "",
                WHEN.format(startDeadline), link, about.contact());
    }

    /** The candidate link in a message body, if it still has one. */
    public static java.util.Optional<String> findLink(String body) {
        java.util.regex.Matcher m = LINK.matcher(body);
        return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
    }

    /** The body with every candidate link removed, for copies kept after the link was sent or replaced. */
    public static String redact(String body) {
        return LINK.matcher(body).replaceAll("[link removed from this copy]");
    }
}
