// <assay-chart>: a thin web component around Apache ECharts (vendored from the npm package echarts@5.6.0,
// Apache-2.0). The server sets the "option" property to an ECharts option object as JSON; the element
// renders it as SVG and resizes with its container. An aria-label describes the chart for screen readers;
// every chart's figures are also shown in a table next to it.
class AssayChart extends HTMLElement {
  static get observedAttributes() { return ['option']; }

  connectedCallback() {
    this.style.display = 'block';
    if (!this._chart && window.echarts) {
      this._chart = window.echarts.init(this, null, { renderer: 'svg' });
      this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resize.observe(this);
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._resize) { this._resize.disconnect(); this._resize = null; }
    if (this._chart) { this._chart.dispose(); this._chart = null; }
  }

  attributeChangedCallback() { this._render(); }

  _render() {
    const text = this.getAttribute('option');
    if (!this._chart || !text) { return; }
    try {
      this._chart.setOption(JSON.parse(text), true);
      this.dataset.rendered = 'true';
    } catch (e) {
      console.error('assay-chart: invalid option', e);
    }
  }
}

if (!customElements.get('assay-chart')) {
  customElements.define('assay-chart', AssayChart);
}
