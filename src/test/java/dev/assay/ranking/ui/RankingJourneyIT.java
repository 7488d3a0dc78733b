package dev.assay.ranking.ui;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.review.PanelService;
import dev.assay.review.QueueItem;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import dev.assay.taskbank.AssessmentView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/** From a closed review to the ranking, a rank card, and the CSV export, in the browser. */
class RankingJourneyIT extends BrowserTest {

    /** A reviewer's overall comment as long as real ones get, so a printed rank card needs several pages. */
    private static final String LONG_COMMENT = ("Clear workflow with checks after each AI step; the automation plan "
            + "names its trigger, inputs and failure handling; the critique caught the wrong growth figure. ")
            .repeat(12) + "End of a long comment.";

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    StaffService staff;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Test
    void recruiterReadsTheRankingARankCardAndTheCsv() {
        AssessmentView a = fixtures.assessment();
        var r1 = fixtures.reviewer("Rank Reviewer One");
        var r2 = fixtures.reviewer("Rank Reviewer Two");
        var r3 = fixtures.reviewer("Rank Reviewer Three");
        recruiter(() -> panels.savePanel(a.id(), Set.of(r1.id(), r2.id(), r3.id()), 2, 2, 5, -1));
        Map<String, Integer> levelByCode = new HashMap<>();
        List<ReviewFixtures.Submitted> people = new ArrayList<>();
        String[] names = {"Ines Ferreira", "Jonas Vik", "Kemal Aydin", "Lotte Maes"};
        for (int i = 0; i < names.length; i++) {
            ReviewFixtures.Submitted s = fixtures.submit(a, names[i]);
            people.add(s);
            levelByCode.put(s.code(), 5 - i);
        }
        for (var reviewer : List.of(r1, r2, r3)) {
            for (QueueItem item : as(reviewer, () -> reviews.queue())) {
                Integer level = levelByCode.get(item.candidateCode());
                if (level == null) {
                    continue;
                }
                fixtures.scoreAll(reviewer, item.assignmentId(), Math.max(1, level - (reviewer == r3 ? 1 : 0)),
                        LONG_COMMENT);
            }
        }
        recruiter(() -> {
            panels.closeReview(a.id());
            return null;
        });

        IssuedPassword recruiter = StaffFixtures.create(staff, "Ranking Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());
        // On the assessments list a round whose scoring closed is not "Open", and its candidates are counted.
        open("recruiter");
        waitFor(By.id("assessment-grid"));
        waitUntil(d -> d.findElement(By.id("assessment-grid")).getText().contains(a.title()));
        String row = (String) ((JavascriptExecutor) driver).executeScript("""
                const cells = [...document.querySelectorAll('#assessment-grid vaadin-grid-cell-content')];
                const at = cells.findIndex(c => c.textContent.includes(arguments[0]));
                return cells.slice(at, at + 6).map(c => c.textContent).join(' | ');""", a.title());
        assertThat(row).contains("4 invited").contains("4 submitted").contains("Scoring closed");
        open("recruiter/review/" + a.id());
        waitFor(By.id("open-ranking")).click();
        waitForVaadin();
        waitFor(By.id("ranking-grid"));
        assertThat(driver.findElement(By.id("band-explainer")).getText())
                .contains("cannot be told apart at 95% confidence");
        String grid = driver.findElement(By.id("ranking-grid")).getText();
        people.forEach(p -> assertThat(grid).contains(p.name()));
        assertThat(grid.indexOf("Ines Ferreira")).isLessThan(grid.indexOf("Lotte Maes"));
        assertThat(driver.findElement(By.id("severity-grid")).getText()).contains("Rank Reviewer Three");
        assertThat(driver.findElement(By.id("reliability-grid")).getText()).contains("All criteria");
        // The charts are drawn by ECharts in the page (served as static scripts, no frontend build).
        waitUntil(d -> ((Number) ((JavascriptExecutor) d).executeScript("return [...document.querySelectorAll("
                + "'assay-chart')].filter(c => c.dataset.rendered === 'true' && c.querySelector('svg')).length"))
                .intValue() == 4);
        // "How many reviewers?": the decision study's sentence above its chart.
        assertThat(driver.findElement(By.id("decision-study-reading")).getText()).contains("G = ");
        assertThat(driver.findElements(By.cssSelector("#chart-decision-study svg"))).isNotEmpty();
        screenshot("ranking");
        assertThat(seriousAccessibilityViolations()).as("the ranking").isEmpty();

        // The CSV, fetched with the page's own session as the download link would.
        String csv = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('#download-ranking').href).then(r => r.arrayBuffer()).then(b => {"
                        + "  const u = new Uint8Array(b);"
                        + "  done([u[0], u[1], u[2]].join(',') + '|' + new TextDecoder('utf-8', {ignoreBOM: true}).decode(u));"
                        + "});");
        // UTF-8 with a byte-order mark, so spreadsheets read accents correctly.
        assertThat(csv).startsWith("239,187,191|\uFEFFPosition,Band,Candidate code,Name,Email");
        assertThat(csv.lines()).hasSize(5);
        people.forEach(p -> assertThat(csv).contains(p.code() + "," + p.name() + "," + p.email()));

        // The recruiter switches to the many-facet Rasch model: reviewer severity and fit, candidates by measure.
        WebElement rasch = driver.findElement(By.xpath("//vaadin-radio-button[normalize-space(.)='Many-facet Rasch']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", rasch);
        rasch.findElement(By.tagName("label")).click();
        waitFor(By.id("rasch-view"));
        assertThat(driver.getCurrentUrl()).endsWith("?model=rasch");
        // Every reviewer here gives one level to all of a candidate's criteria: too patterned for finite Rasch
        // measures, and the page says so instead of showing numbers (the demo round shows the full view).
        assertThat(driver.findElement(By.id("rasch-view")).getText()).contains("nothing is measured");
        assertThat(driver.findElements(By.id("rasch-reviewers"))).isEmpty();
        assertThat(seriousAccessibilityViolations()).as("the Rasch view").isEmpty();
        screenshot("ranking-rasch");

        WebElement cardLink = driver.findElement(By.cssSelector("#ranking-grid a.rank-card-link"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", cardLink);
        cardLink.click();
        waitForVaadin();
        waitFor(By.id("card-criteria"));
        waitUntil(d -> d.findElements(By.tagName("h2")).stream()
                .anyMatch(h -> String.valueOf(h.getDomProperty("textContent")).contains("Ines Ferreira")));
        assertThat(driver.findElement(By.id("card-reviewers")).getText()).contains("Severity added");
        assertThat(driver.findElement(By.id("card-flaws")).getText()).contains("found 1 of 2 planted flaws");
        assertThat(driver.findElement(By.id("card-reconciliation")).getText()).isNotBlank();
        screenshot("rank-card");
        assertThat(seriousAccessibilityViolations()).as("the rank card").isEmpty();

        // Printed, the card runs over as many pages as it needs, every section and the last comment included.
        String pdf = ((org.openqa.selenium.PrintsPage) driver).print(new org.openqa.selenium.print.PrintOptions())
                .getContent();
        try (var document = org.apache.pdfbox.Loader.loadPDF(java.util.Base64.getDecoder().decode(pdf))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(document.getNumberOfPages()).as("pages of the printed rank card").isGreaterThan(1);
            assertThat(text).contains("Criteria", "Tasks", "Reviewers", "Planted-flaw check", "Integrity signals",
                    "Reconciliation history", "End of a long comment.");
            assertThat(text).doesNotContain("Import / export").as("navigation is not printed");
            java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "rank-card.pdf"),
                    java.util.Base64.getDecoder().decode(pdf));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Scores every criterion of every task: {@code level} on the first task's criteria, 3 elsewhere. */
    private void score(dev.assay.staff.StaffMember reviewer, long assignmentId, int firstTaskLevel) {
        as(reviewer, () -> {
            var sheet = reviews.sheet(assignmentId);
            List<dev.assay.review.ScoreCell> cells = new ArrayList<>();
            sheet.tasks().forEach(t -> t.criterionKeys().forEach(k -> cells.add(new dev.assay.review.ScoreCell(
                    t.position(), k, t.position() == 0 ? firstTaskLevel : 3, "Evidence noted."))));
            return reviews.submit(assignmentId, new dev.assay.review.ScorecardInput(cells, "Done."), sheet.version(), null);
        });
    }

    private long assignmentOf(dev.assay.staff.StaffMember reviewer, String code) {
        return as(reviewer, () -> reviews.queue()).stream().filter(q -> q.candidateCode().equals(code)).findFirst()
                .orElseThrow().assignmentId();
    }

    @Test
    void theRankingFitsTheScreenAndSaysWhatIsProvisionalOrUnresolved() {
        AssessmentView a = fixtures.assessment();
        var r1 = fixtures.reviewer("Fit Reviewer One");
        var r2 = fixtures.reviewer("Fit Reviewer Two");
        recruiter(() -> panels.savePanel(a.id(), Set.of(r1.id(), r2.id()), 2, 0, 5, -1));
        ReviewFixtures.Submitted agreed = fixtures.submit(a, "Agnes Agreed");
        ReviewFixtures.Submitted split = fixtures.submit(a, "Bruno Split");
        ReviewFixtures.Submitted partial = fixtures.submit(a, "Cleo Partial");
        for (var s : List.of(agreed, split, partial)) {
            score(r1, assignmentOf(r1, s.code()), s == split ? 5 : 4);
        }
        IssuedPassword recruiter = StaffFixtures.create(staff, "Fit Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));

        // One reviewer each so far: every band is provisional, and there is no reliability to chart yet.
        open("recruiter/ranking/" + a.id());
        waitFor(By.id("ranking-grid"));
        assertThat(driver.findElements(By.cssSelector("#ranking-grid .band-incomplete"))).hasSize(3);
        assertThat(driver.findElement(By.id("ranking-grid")).getText()).contains("1 of 2 reviews");
        assertThat(driver.findElement(By.cssSelector(".chart-empty")).getText()).contains("No reliability yet");

        // The second reviewer disagrees by two levels on one candidate and never scores another; review closes.
        score(r2, assignmentOf(r2, agreed.code()), 4);
        score(r2, assignmentOf(r2, split.code()), 3);
        recruiter(() -> {
            panels.closeReview(a.id());
            return null;
        });
        open("recruiter/ranking/" + a.id());
        waitFor(By.id("ranking-grid"));
        String grid = driver.findElement(By.id("ranking-grid")).getText();
        assertThat(grid).contains("Unresolved at close").doesNotContain("Open");
        assertThat(driver.findElements(By.cssSelector("#ranking-grid .band-incomplete"))).as("Cleo's band").hasSize(1);

        // At 1440 px every column fits without scrolling the grid sideways.
        Boolean fits = (Boolean) ((JavascriptExecutor) driver).executeScript(
                "const t = document.querySelector('#ranking-grid').shadowRoot.querySelector('#table');"
                + "return t.scrollWidth <= t.clientWidth + 1;");
        assertThat(fits).as("every ranking column is visible at 1440 px").isTrue();
        // Axis titles sit inside their chart.
        waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript("const all = document.querySelectorAll("
                + "'assay-chart'); return all.length >= 3 && [...all].every(c => c.dataset.rendered === 'true');"));
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const out = [];
                for (const chart of document.querySelectorAll('assay-chart')) {
                  const box = chart.getBoundingClientRect();
                  for (const t of chart.querySelectorAll('text')) {
                    const r = t.getBoundingClientRect();
                    if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1
                        || r.bottom > box.bottom + 1)) { out.push(chart.id + ': ' + t.textContent); }
                  }
                }
                return out;""");
        assertThat(cut).as("chart text outside its chart").isEmpty();
        screenshot("ranking-1440");
    }
}
