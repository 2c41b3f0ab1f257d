// The one stylesheet, served from /assets/app.css (no CDN): readable type, visible focus, 24px+ targets,
// layouts that reflow at 320px and 400% zoom, text/colour contrast of at least 4.5:1, and print rules.
export const STYLESHEET = `
:root { --text:#0b0c0c; --muted:#484949; --bg:#fff; --link:#1d4f91; --link-visited:#4c2c92; --focus:#ffdd00; --border:#505a5f; --line:#b1b4b6; --accent:#1d70b8; --error:#b10e1e; --ok:#00703c; --ok-dark:#002d18; --panel:#f3f2f1; --info-bg:#eef4fa; }
*,*::before,*::after { box-sizing:border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size:100%; line-height:1.5; color:var(--text); background:var(--bg); -webkit-text-size-adjust:100%; text-size-adjust:100%; }
body { margin:0; overflow-wrap:break-word; }
img, svg { max-width:100%; }

/* Skip link, header, nav, footer */
.skip-link { position:absolute; left:-9999px; top:0; padding:.75rem 1rem; background:var(--focus); color:var(--text); z-index:10; font-weight:700; }
.skip-link:focus { left:0; }
header.site { background:var(--text); color:#fff; border-bottom:8px solid var(--accent); }
.site-inner { max-width:60rem; margin:0 auto; padding:.75rem 1rem; display:flex; flex-wrap:wrap; align-items:center; gap:.5rem 1.5rem; }
header.site a, header.site a:visited { color:#fff; }
header.site .brand { font-weight:700; font-size:1.125rem; text-decoration:none; display:inline-block; padding:.25rem 0; min-height:24px; }
header.site nav { flex:1 1 auto; }
header.site nav ul { list-style:none; margin:0; padding:0; display:flex; flex-wrap:wrap; gap:.25rem 1.25rem; }
header.site nav a { display:inline-block; min-height:24px; padding:.25rem 0; }
header.site nav a[aria-current=page] { font-weight:700; text-decoration-thickness:3px; }
header.site a:focus, header.site a:focus:visited { color:var(--text); }
.account { display:flex; align-items:center; }
.sign-out { display:flex; flex-wrap:wrap; align-items:center; gap:.25rem .75rem; margin:0; }
.sign-out .who { color:#fff; }
.link-button { background:none; border:0; box-shadow:none; color:#fff; text-decoration:underline; padding:.25rem 0; margin:0; min-height:24px; min-width:24px; font:inherit; font-weight:400; line-height:1.5; cursor:pointer; }
main { display:block; max-width:60rem; margin:0 auto; padding:1rem 1rem 3rem; }
main:focus { outline:none; box-shadow:none; }
footer.site { border-top:1px solid var(--border); background:var(--panel); }
footer.site p { max-width:60rem; margin:0 auto; padding:1rem; color:var(--muted); font-size:.95rem; }
footer.site a { color:var(--link); display:inline-block; min-height:24px; }

/* Type */
h1 { font-size:2.25rem; line-height:1.15; margin:.5rem 0 1.25rem; }
h2 { font-size:1.5rem; line-height:1.25; margin:2rem 0 .75rem; }
h3 { font-size:1.2rem; line-height:1.3; margin:1.25rem 0 .5rem; }
h4 { font-size:1.05rem; margin:1rem 0 .25rem; }
p, ul, ol, dl { margin-top:0; margin-bottom:1rem; }
.lead { font-size:1.2rem; }
.caption { color:var(--muted); font-size:1.1rem; margin:0 0 .25rem; }
.hint { color:var(--muted); margin:0 0 .75rem; }
.list { padding-left:1.25rem; }
.list li { margin-bottom:.25rem; }
ul.plain { list-style:none; padding:0; margin:0; }
a { color:var(--link); text-decoration-thickness:max(1px, .0625rem); text-underline-offset:.15em; }
a:visited { color:var(--link-visited); }
a:hover { text-decoration-thickness:3px; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size:.95em; }
pre { background:var(--panel); padding:.75rem; overflow-x:auto; }
.break { word-break:break-all; }
.visually-hidden { position:absolute !important; width:1px !important; height:1px !important; margin:0 !important; padding:0 !important; overflow:hidden !important; clip:rect(0 0 0 0) !important; clip-path:inset(50%) !important; border:0 !important; white-space:nowrap !important; }

/* Focus: yellow with a dark edge, visible on every background */
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, [tabindex]:focus { outline:3px solid transparent; }
button:focus, input:focus, select:focus, textarea:focus, summary:focus, [tabindex]:not(main):focus { outline:3px solid var(--focus); outline-offset:0; box-shadow:0 0 0 6px var(--text); }
a:focus { background:var(--focus); color:var(--text); box-shadow:0 -2px var(--focus), 0 4px var(--text); text-decoration:none; }
a:focus:visited { color:var(--text); }

/* Buttons */
.button, button { display:inline-block; min-height:44px; min-width:44px; padding:.55rem 1rem; margin:0 .75rem 1rem 0; font:inherit; font-weight:600; line-height:1.25; color:#fff; background:var(--ok); border:2px solid transparent; border-radius:0; box-shadow:0 2px 0 var(--ok-dark); cursor:pointer; text-decoration:none; text-align:center; vertical-align:top; }
.button:visited, .button:hover { color:#fff; }
.button.start { font-size:1.2rem; font-weight:700; padding:.65rem 1.25rem; }
.button.secondary, button.secondary { background:var(--panel); color:var(--text); box-shadow:0 2px 0 #929191; border-color:var(--border); }
.button.secondary:visited { color:var(--text); }
button.warning { background:var(--error); box-shadow:0 2px 0 #55070e; }
.button:focus, button:focus, .button:focus:visited { background:var(--focus); color:var(--text); outline:3px solid transparent; box-shadow:0 2px 0 var(--text), 0 0 0 4px var(--text); }
header.site .link-button:focus { color:var(--text); box-shadow:0 0 0 3px var(--text); margin:0; }
.link-button:focus { background:var(--focus); }
.actions { display:flex; flex-wrap:wrap; gap:0 .75rem; align-items:flex-start; margin:1rem 0; }
.actions .button, .actions button, .actions form { margin-right:0; }
.inline-form { display:inline; }
.cell-form { margin:.5rem 0 0; position:relative; }
.cell-form button { margin:0; }

/* Forms */
.form-group { margin-bottom:2rem; }
.form-group.has-error { border-left:5px solid var(--error); padding-left:.9rem; }
fieldset { border:0; margin:0; padding:0; min-width:0; }
legend { font-weight:700; font-size:1.2rem; line-height:1.35; margin-bottom:.5rem; padding:0; max-width:100%; white-space:normal; }
legend.legend-heading h1 { margin:0 0 .5rem; }
label { font-weight:700; display:block; margin-bottom:.25rem; }
.q-number { color:var(--muted); }
.field-error { color:var(--error); font-weight:700; margin:0 0 .5rem; }
.choices { display:flex; flex-direction:column; gap:.5rem; }
.choice { display:grid; grid-template-columns:28px minmax(0, 1fr); column-gap:.6rem; align-items:start; min-height:44px; }
.choice input { grid-column:1; width:28px; height:28px; margin:.55rem 0 0; accent-color:var(--text); cursor:pointer; scroll-margin-top:60vh; }
.choice label { grid-column:2; font-weight:400; margin:0; padding:.6rem .25rem .6rem 0; cursor:pointer; min-width:0; }
.choice-hint { grid-column:2; display:block; color:var(--muted); margin:-.5rem 0 .5rem; }
.choice .reveal { grid-column:2; border-left:4px solid var(--line); padding:.25rem 0 .25rem 1rem; margin:.25rem 0 .75rem; }
.choice .reveal .form-group { margin-bottom:.5rem; }
.choice > input:not(:checked) ~ .reveal { display:none; }
.choice-divider { margin:.25rem 0 0 .5rem; color:var(--muted); }
input[type=text], input[type=email], input[type=password], input[type=number], input[type=date], input[type=file], select, textarea { font:inherit; min-height:44px; padding:.35rem .5rem; border:2px solid var(--text); border-radius:0; max-width:100%; background:#fff; color:var(--text); }
input[type=file] { border-style:dashed; width:100%; }
.input-full { width:100%; max-width:35rem; }
.input-medium { width:100%; max-width:20rem; }
.input-short { width:8rem; }
textarea { width:100%; min-height:10rem; }
textarea.invite-link { min-height:0; max-width:35rem; word-break:break-all; }
.has-error input[type=text], .has-error input[type=email], .has-error input[type=password], .has-error textarea, .has-error select { border-color:var(--error); }

/* Error summary and notices */
.error-summary { border:5px solid var(--error); padding:1rem 1.25rem; margin-bottom:2rem; }
.error-summary h2 { margin-top:0; font-size:1.35rem; }
.error-summary ul { list-style:none; padding:0; margin:0; }
.error-summary li { margin-bottom:.35rem; }
.error-summary a, .error-summary a:visited { color:var(--error); font-weight:700; }
.error-summary a:focus { color:var(--text); }
.error-summary:focus { outline:3px solid var(--focus); box-shadow:0 0 0 6px var(--text); }
.panel { background:var(--panel); padding:1rem; margin:1rem 0; }
.notice { border-left:6px solid var(--accent); padding:.75rem 1rem; background:var(--info-bg); margin:1rem 0; }
.notice.success { border-left-color:var(--ok); }
.notice.warning { border-left-color:var(--error); }
.notice > :last-child { margin-bottom:0; }
.back-link { display:inline-block; min-height:24px; margin:.5rem 0 1rem; padding-left:.9rem; position:relative; }
.back-link::before { content:""; position:absolute; left:.1rem; top:50%; width:.45rem; height:.45rem; border:solid currentColor; border-width:0 0 2px 2px; transform:translateY(-50%) rotate(45deg); }

/* Summary lists (check answers) and fact lists */
dl.summary { margin:0 0 2rem; border-top:1px solid var(--line); }
.summary-row { display:grid; grid-template-columns:minmax(0, 2fr) minmax(0, 1.3fr) auto; gap:.25rem 1.25rem; padding:.6rem 0; border-bottom:1px solid var(--line); }
.summary-row dt { font-weight:700; }
.summary-row dd { margin:0; }
.summary-action { text-align:right; }
.summary-action a { display:inline-block; min-height:24px; }
dl.facts > div { display:grid; grid-template-columns:minmax(0, 1fr) minmax(0, 2fr); gap:.25rem 1rem; padding:.4rem 0; border-bottom:1px solid var(--line); }
dl.facts dt { font-weight:700; }
dl.facts dd { margin:0; }

/* Tables */
table { border-collapse:collapse; width:100%; margin:0 0 1rem; }
caption { text-align:left; font-weight:700; font-size:1.1rem; padding-bottom:.5rem; }
th, td { text-align:left; padding:.5rem .6rem .5rem 0; border-bottom:1px solid var(--line); vertical-align:top; }
thead th { border-bottom:2px solid var(--text); }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
.cell-hint { display:block; font-weight:400; color:var(--muted); font-size:.9rem; }
.table-wrap { overflow-x:auto; margin-bottom:1.5rem; position:relative; }
.chart-wrap, .steps > li, .choice, .card { position:relative; }
.card { border:1px solid var(--border); padding:.75rem 1rem 0; margin:0 0 1rem; }
.card .facts { margin-bottom:.75rem; }
.table-wrap:focus { outline:3px solid var(--focus); box-shadow:0 0 0 6px var(--text); }

/* Pathway steps */
.steps { list-style:none; padding:0; margin:0 0 2rem; }
.steps > li { border:1px solid var(--border); border-left:6px solid var(--accent); padding:.75rem 1rem .25rem; margin:0 0 1.25rem; }
.steps > li.done { border-left-color:var(--ok); }
.steps h3 { margin-top:.25rem; }
.step-number { color:var(--muted); }
.access p { margin-bottom:.5rem; }
.start-link { font-weight:700; display:inline-block; min-height:24px; }
.meta { display:flex; flex-wrap:wrap; gap:.25rem 1.25rem; margin:0 0 .75rem; padding:0; list-style:none; }
.tag { display:inline-block; padding:.1rem .5rem; border:2px solid var(--text); font-weight:700; font-size:.95rem; }
.tag.done { border-color:var(--ok); color:var(--ok); }
details { margin:0 0 1rem; }
summary { cursor:pointer; color:var(--link); text-decoration:underline; display:inline-block; min-height:24px; padding:.15rem 0; }
summary:focus { color:var(--text); background:var(--focus); }
details[open] > summary { margin-bottom:.5rem; }
details > :not(summary) { margin-left:0; }

/* Charts */
figure.chart { margin:1rem 0 2rem; }
figure.chart > svg, .chart-wrap > svg { display:block; width:100%; height:auto; margin-bottom:.5rem; }
.chart-wrap { overflow-x:auto; margin-bottom:.5rem; }
.chart-wrap > svg { min-width:34rem; }
.chart-wrap > svg.natural { width:auto; height:auto; min-width:0; max-width:none; }
.progress-report progress { display:block; width:100%; max-width:30rem; height:1.5rem; margin:0 0 1rem; accent-color:var(--ok); }
.chart-wrap:focus { outline:3px solid var(--focus); box-shadow:0 0 0 6px var(--text); }
figcaption { color:var(--muted); margin-bottom:1rem; }
.bars { margin:0 0 .75rem; }
.bar-row { display:grid; grid-template-columns:minmax(9rem, 17rem) minmax(0, 1fr) 2.75rem; gap:.25rem .75rem; align-items:center; padding:.15rem 0; }
.bar-label { text-align:right; line-height:1.25; }
.bar { display:block; width:100%; height:1.5rem; }
.bar-value { font-weight:700; font-variant-numeric:tabular-nums; }
.axis { color:var(--text); font-weight:700; padding-bottom:0; }
.axis-ticks { display:flex; justify-content:space-between; }
.axis-ticks span:nth-child(4)::after { content:" confident"; font-weight:400; }
.heat-legend { display:flex; flex-wrap:wrap; gap:.5rem 1rem; list-style:none; padding:0; }
.heat-legend li { display:flex; align-items:center; gap:.4rem; }
.swatch { display:inline-block; flex:0 0 auto; width:1.25rem; height:1.25rem; vertical-align:middle; }
.progress-bar { display:block; width:100%; max-width:30rem; height:1.5rem; border:2px solid var(--text); background:#fff; }
.stat-grid { display:grid; grid-template-columns:repeat(auto-fit, minmax(12rem, 1fr)); gap:1rem; margin:1rem 0 2rem; }
.stat { border:1px solid var(--border); padding:.75rem 1rem; }
.stat .figure { display:block; font-size:2rem; font-weight:700; line-height:1.2; }

@media (max-width: 40rem) {
  h1 { font-size:1.75rem; }
  h2 { font-size:1.3rem; }
  .summary-row { grid-template-columns:1fr; }
  .summary-action { text-align:left; }
  dl.facts > div { grid-template-columns:1fr; }
  .button, button { width:100%; margin-right:0; }
  .link-button, .actions .button.inline { width:auto; }
  .actions { flex-direction:column; align-items:stretch; }
  .bar-row { grid-template-columns:minmax(0, 1fr) 2.75rem; }
  .bar-label { grid-column:1 / -1; text-align:left; font-weight:600; }
  main { padding-left:.75rem; padding-right:.75rem; }
  .steps > li { padding:.5rem .6rem 0; margin-bottom:.75rem; }
  .steps h3 { font-size:1.1rem; margin-bottom:.25rem; }
  .meta { gap:0 .75rem; margin-bottom:.5rem; font-size:.9375rem; }
  .steps > li > p, .steps > li > details { margin-bottom:.5rem; }
  .bar-row { padding:0; gap:0 .75rem; }
  .axis .bar-label { display:none; }
  .axis-ticks span:nth-child(4)::after { content:""; }
}
@media print {
  header.site nav, .account, footer.site, .skip-link, .no-print, form, .back-link, summary { display:none !important; }
  header.site { background:none; color:var(--text); border-bottom:2px solid var(--text); }
  header.site a, header.site a:visited { color:var(--text); }
  a, a:visited { color:var(--text); text-decoration:none; }
  main { max-width:none; padding:0; }
  .steps > li, tr, .summary-row { break-inside:avoid; }
  details::details-content { content-visibility:visible; display:block; }
  .table-wrap { overflow:visible; }
}
`;
