/**
 * The page's inline stylesheet: system fonts, light and dark by `prefers-color-scheme`, colours
 * with at least 4.5:1 contrast for text, and every bar level also told by its height and pattern
 * (and its text), never by colour alone. No external resource.
 */
export const PAGE_CSS = `
:root{--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--good:#1a7f37;--fair:#9a6700;--poor:#bc4c00;--bad:#cf222e;--none:#8c959f;--card:#f6f8fa;--link:#0550ae}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--good:#3fb950;--fair:#d29922;--poor:#f0883e;--bad:#f85149;--none:#6e7681;--card:#161b22;--link:#79c0ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem}
a{color:var(--link)}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:0}
.muted{color:var(--muted)}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.75rem;margin:.75rem 0}
.head{display:flex;flex-wrap:wrap;gap:.5rem;justify-content:space-between;align-items:baseline}
.state{font-weight:600}
.state-up{color:var(--good)}.state-down{color:var(--bad)}.state-unknown{color:var(--muted)}
.bars{display:flex;gap:1px;align-items:flex-end;height:2.2rem;margin:.5rem 0 .25rem;padding:0;list-style:none}
.bars li{flex:1 1 0;min-width:1px;height:100%;border-radius:1px}
.lvl-good{background:var(--good)}
.lvl-fair{background:var(--fair)}
.lvl-poor{background:repeating-linear-gradient(45deg,var(--poor) 0 3px,var(--bg) 3px 4px)}
.lvl-bad{background:repeating-linear-gradient(90deg,var(--bad) 0 2px,var(--bg) 2px 3px)}
.lvl-none{background:repeating-linear-gradient(-45deg,var(--none) 0 2px,transparent 2px 4px)}
.bars .lvl-fair{height:85%}.bars .lvl-poor{height:70%}.bars .lvl-bad{height:55%}.bars .lvl-none{height:25%}
.axis{display:flex;justify-content:space-between;font-size:.8rem}
dl.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(6.5rem,1fr));gap:.25rem .75rem;margin:.5rem 0}
dl.figures div{display:flex;flex-direction:column}
dl.figures dt{font-size:.8rem;color:var(--muted)}
dl.figures dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
figure.p95{margin:.25rem 0}
svg.spark{width:100%;height:2.5rem;display:block}
svg.spark polyline{fill:none;stroke:var(--link);stroke-width:1.5;vector-effect:non-scaling-stroke}
.legend{display:flex;flex-wrap:wrap;gap:.75rem;font-size:.85rem;padding:0;list-style:none}
.legend span.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
.table-wrap{overflow-x:auto}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
@media (max-width:30rem){main{padding:.5rem}.bars{height:1.8rem;gap:0}}
`;
