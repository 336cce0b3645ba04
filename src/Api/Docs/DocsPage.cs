namespace Claims.Api.Docs;

/// <summary>
/// A page that reads the OpenAPI document and lists every operation with its parameters, body and
/// answers, and the problem codes: no script or font from elsewhere, so it works offline too.
/// </summary>
internal static class DocsPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Claims API</title>
        <style>
          body{font:15px system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
          h2{margin-top:2rem;border-bottom:1px solid #ddd}
          .op{border:1px solid #ddd;border-radius:6px;margin:.6rem 0;padding:.5rem .8rem}
          .m{display:inline-block;min-width:4rem;font-weight:600}
          .GET{color:#1565c0}.POST{color:#2e7d32}.PUT{color:#ef6c00}.DELETE{color:#c62828}
          code,pre{background:#f5f5f5;padding:0 .2rem}
          table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
          small{color:#666}
        </style></head>
        <body><h1 id="title">Claims API</h1><p><a href="/openapi/v1.json">/openapi/v1.json</a></p>
        <div id="ops"></div><h2>Problem codes</h2><div id="codes"></div>
        <script>
        const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
        const cell = s => esc(s).replace(/`([^`]*)`/g, '<code>$1</code>');
        fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
          const [intro, table] = (doc.info.description || '').split('\n\n');
          document.getElementById('title').insertAdjacentHTML('afterend', `<p>${cell(intro)}</p>`);
          const rows = (table || '').split('\n').slice(2).filter(Boolean).map(line => line.split('|').slice(1, -1));
          document.getElementById('codes').innerHTML = '<table><tr><th>code</th><th>status</th><th>meaning</th></tr>'
            + rows.map(r => `<tr>${r.map(c => `<td>${cell(c.trim())}</td>`).join('')}</tr>`).join('') + '</table>';
          const byTag = {};
          for (const [path, item] of Object.entries(doc.paths || {}))
            for (const [method, op] of Object.entries(item))
              (byTag[(op.tags || ['other'])[0]] ??= []).push({ path, method: method.toUpperCase(), op });
          document.getElementById('ops').innerHTML = Object.entries(byTag).map(([tag, ops]) => `<h2>${esc(tag)}</h2>` + ops.map(({ path, method, op }) => {
            const params = (op.parameters || []).map(p => `<code>${esc(p.name)}</code> <small>(${esc(p.in)}${p.required ? ', required' : ''})</small>`).join(', ');
            const body = op.requestBody ? Object.keys(op.requestBody.content || {}).map(esc).join(', ') : '';
            const answers = Object.entries(op.responses || {}).map(([s, r]) => `<code>${esc(s)}</code> ${esc(r.description)}`).join('; ');
            return `<div class="op"><span class="m ${method}">${method}</span><code>${esc(path)}</code>`
              + (params ? `<div>parameters: ${params}</div>` : '') + (body ? `<div>body: ${body}</div>` : '')
              + (answers ? `<div>answers: ${answers}</div>` : '') + '</div>';
          }).join('')).join('');
        });
        </script></body></html>
        """;
}
