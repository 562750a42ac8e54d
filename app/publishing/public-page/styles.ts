// The public fact-check page's stylesheet, inlined in the page (one request on a slow phone) and allowed
// by its hash in the page's Content-Security-Policy. System fonts, no images, readable when printed.
export const publicPageCss = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1f24;background:#fff}
a{color:#0b4fa8;text-underline-offset:.15em}
a:hover{color:#083a7c}
a:focus-visible{outline:3px solid #0b4fa8;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem}
.masthead,.colophon{border-bottom:1px solid #d7dbe0;padding:.75rem 1rem}
.masthead__inner,.colophon__inner,main{max-width:46rem;margin:0 auto}
.masthead__inner{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;justify-content:space-between}
.masthead__name{font-weight:700;text-decoration:none;color:#1b1f24;font-size:1.1rem}
.colophon{border-top:1px solid #d7dbe0;border-bottom:0;margin-top:3rem;font-size:.9rem;color:#4a525c}
main{padding:1rem}
h1{font-size:clamp(1.6rem,4.5vw,2.3rem);line-height:1.2;margin:.25rem 0 .75rem}
h2{font-size:1.35rem;line-height:1.3;margin:2.25rem 0 .75rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;font-weight:700;color:#4a525c;margin:0}
.meta{color:#4a525c;font-size:.95rem;margin:.25rem 0}
.summary{font-size:1.15rem}
.notice{border:2px solid #8a5a00;background:#fff8e6;padding:.75rem 1rem;border-radius:4px;margin:1rem 0}
.notice p{margin:.25rem 0}
.notice--gone{border-color:#8c1c13;background:#fdf0ef}
.panel{border:1px solid #d7dbe0;border-radius:4px;padding:.75rem 1rem;margin:1rem 0;background:#f7f8fa}
.panel h2{margin-top:0;font-size:1.05rem}
.glance{list-style:none;padding:0;margin:0}
.glance li{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline;padding:.35rem 0;border-top:1px solid #e3e6ea}
.glance li:first-child{border-top:0}
.claim{border-top:3px solid #1b1f24;margin-top:2.5rem;padding-top:.5rem}
.claim h2{margin-top:.5rem}
blockquote{margin:.5rem 0;padding:.25rem 0 .25rem 1rem;border-left:4px solid #9aa3ad;color:#2d333a;font-style:italic}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.75rem 0;font-size:.95rem}
dl.facts dt{font-weight:600;color:#4a525c}
dl.facts dd{margin:0}
.badge{display:inline-flex;align-items:center;gap:.4em;border:2px solid currentColor;border-left-width:.6em;border-radius:4px;padding:.1em .55em;font-weight:700;color:#1b1f24;background:#fff;white-space:nowrap}
.badge__mark{font-size:.9em}
.verdict{margin:1rem 0;font-size:1.05rem}
.verdict__scale{display:block;font-size:.85rem;color:#4a525c;font-weight:400;margin-top:.25rem}
.rationale{margin:.5rem 0}
.sources{padding-left:1.25rem}
.sources li{margin:.4rem 0}
.source__meta{color:#4a525c;font-size:.92rem}
.credits{font-size:.92rem;color:#4a525c}
.corrections li{margin:.5rem 0}
.archive-text{white-space:pre-wrap;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem;background:#f7f8fa;border:1px solid #d7dbe0;padding:1rem;overflow-wrap:anywhere}
.preview-banner{background:#1b1f24;color:#fff;padding:.75rem 1rem;border-bottom:4px solid #e0a526}
.preview-banner p{max-width:46rem;margin:0 auto}
@media (prefers-color-scheme:dark){
 body{color:#e8eaed;background:#111417}
 a{color:#8ab4f8}a:hover{color:#aecbfa}
 .masthead__name{color:#e8eaed}
 .meta,.kicker,.colophon,.source__meta,.credits,dl.facts dt,.verdict__scale{color:#b3bac2}
 .panel,.archive-text{background:#1a1e23;border-color:#3a4149}
 .notice{background:#2b2108;border-color:#e0a526}
 .notice--gone{background:#2b1210;border-color:#f28b82}
 .claim{border-top-color:#e8eaed}
 blockquote{color:#d2d6db;border-left-color:#6b737d}
 .badge{color:#e8eaed;background:#111417}
 .glance li{border-top-color:#3a4149}
}
@media print{
 body{font-size:11pt;color:#000;background:#fff}
 .skip,.masthead nav,.colophon nav{display:none}
 .masthead,.colophon{border:0;padding:0}
 main{max-width:none;padding:0}
 a{color:#000}
 .claim,.panel,.notice{break-inside:avoid-page}
 .sources a[href^="http"]::after,.checked a[href^="http"]::after{content:" <" attr(href) ">";font-size:9pt;word-break:break-all}
 .badge{border-color:#000;color:#000;background:#fff}
}
`;
