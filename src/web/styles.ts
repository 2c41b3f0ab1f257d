// The one stylesheet, served from /assets/app.css (no CDN): readable type, visible focus, 24px+ targets, print rules.
export const STYLESHEET = `
:root { --text:#0b0c0c; --muted:#484949; --bg:#fff; --link:#1d4f91; --link-visited:#4c2c92; --focus:#ffdd00; --border:#505a5f; --accent:#1d70b8; --error:#b10e1e; --ok:#00703c; --panel:#f3f2f1; }
*,*::before,*::after { box-sizing:border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size:100%; line-height:1.5; color:var(--text); background:var(--bg); -webkit-text-size-adjust:100%; }
body { margin:0; }
.skip-link { position:absolute; left:-9999px; top:0; padding:.5rem 1rem; background:var(--focus); color:var(--text); z-index:10; }
.skip-link:focus { left:0; }
header.site { background:#0b0c0c; color:#fff; padding:.75rem 1rem; }
header.site a { color:#fff; }
header.site .brand { font-weight:700; font-size:1.125rem; text-decoration:none; }
header.site nav ul { list-style:none; margin:.25rem 0 0; padding:0; display:flex; flex-wrap:wrap; gap:.25rem 1rem; }
header.site nav a { display:inline-block; min-height:24px; padding:.125rem 0; }
main { max-width:60rem; margin:0 auto; padding:1rem; }
footer.site { border-top:1px solid var(--border); padding:1rem; color:var(--muted); font-size:.9rem; }
footer.site a { color:var(--link); }
h1 { font-size:2rem; line-height:1.2; margin:.5rem 0 1rem; }
h2 { font-size:1.5rem; margin:1.5rem 0 .5rem; }
h3 { font-size:1.2rem; margin:1.25rem 0 .5rem; }
a { color:var(--link); text-underline-offset:.15em; }
a:visited { color:var(--link-visited); }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, [tabindex]:focus { outline:3px solid var(--focus); outline-offset:0; box-shadow:0 0 0 5px var(--text); }
a:focus { background:var(--focus); color:var(--text); box-shadow:0 4px var(--text); outline:none; }
.button, button { display:inline-block; min-height:44px; min-width:44px; padding:.5rem 1rem; font:inherit; font-weight:600; color:#fff; background:var(--ok); border:2px solid transparent; border-radius:0; box-shadow:0 2px 0 #002d18; cursor:pointer; text-decoration:none; }
.button.secondary, button.secondary { background:var(--panel); color:var(--text); box-shadow:0 2px 0 #929191; }
.button:visited { color:#fff; }
.button:focus, button:focus { background:var(--focus); color:var(--text); }
label, legend { font-weight:600; }
fieldset { border:0; margin:0 0 1.5rem; padding:0; }
legend { font-size:1.125rem; margin-bottom:.5rem; }
.hint { color:var(--muted); margin:.25rem 0 .5rem; }
input[type=text], input[type=email], input[type=password], input[type=number], input[type=date], select, textarea { font:inherit; min-height:44px; padding:.35rem .5rem; border:2px solid var(--text); max-width:100%; }
textarea { width:100%; min-height:8rem; }
.radios { display:flex; flex-wrap:wrap; gap:.5rem; }
.radio { display:flex; align-items:center; gap:.4rem; min-height:44px; padding:.25rem .5rem .25rem .25rem; border:1px solid var(--border); }
.radio input { width:24px; height:24px; margin:0; accent-color:var(--text); }
.radio label { font-weight:400; }
.checkbox { display:flex; align-items:center; gap:.4rem; min-height:44px; }
.checkbox input { width:24px; height:24px; margin:0; }
.error-summary { border:4px solid var(--error); padding:1rem; margin-bottom:1.5rem; }
.error-summary h2 { margin-top:0; }
.error-summary a { color:var(--error); font-weight:600; }
.field-error { color:var(--error); font-weight:700; margin:.25rem 0; }
.has-error { border-left:5px solid var(--error); padding-left:.75rem; }
.panel { background:var(--panel); padding:1rem; margin:1rem 0; }
.notice { border-left:5px solid var(--accent); padding:.5rem 1rem; background:#eef4fa; }
table { border-collapse:collapse; width:100%; margin:1rem 0; }
th, td { text-align:left; padding:.4rem .5rem; border-bottom:1px solid var(--border); vertical-align:top; }
th[scope=col] { border-bottom:2px solid var(--text); }
.table-wrap { overflow-x:auto; }
.table-wrap:focus { outline:3px solid var(--focus); }
.steps { list-style:none; padding:0; }
.steps > li { border:1px solid var(--border); border-left:6px solid var(--accent); padding:.75rem 1rem; margin:0 0 1rem; }
.meta { display:flex; flex-wrap:wrap; gap:.25rem 1rem; margin:.25rem 0; padding:0; list-style:none; color:var(--muted); }
.tag { display:inline-block; padding:0 .4rem; border:1px solid var(--text); font-size:.9rem; }
dl.summary { display:grid; grid-template-columns: minmax(8rem, 1fr) 2fr auto; gap:.5rem 1rem; }
dl.summary dt { font-weight:600; }
dl.summary dd { margin:0; }
.chart svg { max-width:100%; height:auto; }
.back-link { display:inline-block; min-height:24px; margin-bottom:1rem; }
.progress { color:var(--muted); font-weight:600; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size:.95em; }
pre { background:var(--panel); padding:.75rem; overflow-x:auto; }
.visually-hidden { position:absolute !important; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
@media (max-width: 40rem) { h1 { font-size:1.6rem; } dl.summary { grid-template-columns:1fr; } }
@media print { header.site nav, footer.site, .skip-link, .no-print, form { display:none !important; } a { color:var(--text); text-decoration:none; } .steps > li { break-inside:avoid; } }
`;
