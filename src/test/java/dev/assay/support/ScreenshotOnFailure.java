package dev.assay.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/** Saves what the browser showed when a browser test failed, before the browser is closed. */
public class ScreenshotOnFailure implements AfterTestExecutionCallback {

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Object test = context.getRequiredTestInstance();
        if (test instanceof BrowserTest browserTest && browserTest.driver instanceof TakesScreenshot camera) {
            Path target = Path.of("target", "screenshots", "failures",
                    context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, camera.getScreenshotAs(OutputType.BYTES));
            Files.writeString(target.resolveSibling(target.getFileName().toString().replace(".png", ".html")),
                    browserTest.driver.getPageSource());
            System.err.println("Screenshot of the failed test: " + target.toAbsolutePath());
        }
    }
}
