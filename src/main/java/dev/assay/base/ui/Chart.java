package dev.assay.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart drawn by Apache ECharts in the browser, through the {@code <assay-chart>} element. The library and
 * the element are plain static scripts served from {@code META-INF/resources/charts} (no frontend build, so
 * no Node.js is needed). Give it an ECharts option as a map/record tree; it is sent as JSON.
 */
@Tag("assay-chart")
@JavaScript("context://charts/echarts-5.6.0.min.js")
@JavaScript("context://charts/assay-chart.js")
public class Chart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Chart(String description, Object option) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", description);
        setHeight("18rem");
        setWidthFull();
        setOption(option);
    }

    /** What stands in a chart's place when there is nothing to draw yet: a sentence saying so. */
    public static Component empty(String message) {
        com.vaadin.flow.component.html.Div box = new com.vaadin.flow.component.html.Div(
                new com.vaadin.flow.component.html.Span(message));
        box.addClassName("chart-empty");
        return box;
    }

    public void setOption(Object option) {
        getElement().setAttribute("option", JSON.writeValueAsString(option));
    }
}
