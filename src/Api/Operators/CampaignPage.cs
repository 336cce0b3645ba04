namespace Claims.Api.Operators;

/// <summary>The campaign page's HTML and script; everything it shows comes from the admin API, polled once a second.</summary>
internal static class CampaignPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Claims: campaign</title>
        <style>
          body{font:15px system-ui,sans-serif;margin:1.5rem;color:#222}
          table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:right}
          th:first-child,td:first-child{text-align:left}
          .figure{display:inline-block;margin-right:2rem}.figure b{font-size:1.6rem;display:block}
          .soldout{color:#c62828}button{cursor:pointer}
          section{margin-top:1.5rem}h2{border-bottom:1px solid #ddd}
        </style></head>
        <body>
        <h1 id="name">Campaign</h1>
        <div><span class="figure">claims/s<b id="rate">0</b></span><span class="figure">granted<b id="granted">0</b></span>
          <span class="figure">remaining<b id="remaining">0</b></span><small id="updated"></small></div>
        <section><h2>Live stock</h2><table id="pools"><tr><th>round</th><th>coupon type</th><th>stock</th><th>granted</th><th>remaining</th><th>sold out at</th></tr></table></section>
        <section><h2>Alerts</h2><table id="alerts"><tr><th>raised</th><th>merchant</th><th>kind</th><th>detail</th><th></th></tr></table></section>
        <section><h2>Report</h2><svg id="claimedChart" width="640" height="10"></svg><table id="report"></table></section>
        <section><h2>Settlement</h2><svg id="paidChart" width="640" height="10"></svg><table id="settlement"></table></section>
        <form method="post" action="/operator/logout"><button>Sign out</button></form>
        <script>
        const id = decodeURIComponent(location.pathname.split('/').pop());
        const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
        const get = path => fetch(path, { credentials: 'same-origin' }).then(r => r.ok ? r.json() : Promise.reject(r.status));
        const soldOutAt = {};
        let last = null;

        function bars(svg, rows) {
          const max = Math.max(1, ...rows.map(r => r.value));
          svg.setAttribute('height', rows.length * 22 + 4);
          svg.innerHTML = rows.map((r, i) => `<text x="0" y="${i * 22 + 15}" font-size="12">${esc(r.label)}</text>`
            + `<rect x="180" y="${i * 22 + 4}" height="16" width="${Math.round(440 * r.value / max)}" fill="#1565c0"></rect>`
            + `<text x="${186 + Math.round(440 * r.value / max)}" y="${i * 22 + 16}" font-size="12">${esc(r.value)}</text>`).join('');
        }

        async function live() {
          const view = await get(`/admin/campaigns/${encodeURIComponent(id)}`);
          document.getElementById('name').textContent = view.definition.name;
          const now = Date.now();
          const granted = view.pools.reduce((s, p) => s + p.granted, 0);
          const remaining = view.pools.reduce((s, p) => s + (p.closed ? 0 : p.stock + p.rolledIn + p.refunded + p.borrowed - p.granted), 0);
          if (last) document.getElementById('rate').textContent = Math.max(0, Math.round((granted - last.granted) * 1000 / (now - last.at)));
          last = { granted, at: now };
          document.getElementById('granted').textContent = granted;
          document.getElementById('remaining').textContent = remaining;
          document.getElementById('updated').textContent = 'updated ' + new Date(now).toLocaleTimeString();
          document.getElementById('pools').innerHTML = '<tr><th>round</th><th>coupon type</th><th>stock</th><th>granted</th><th>remaining</th><th>sold out at</th></tr>'
            + view.pools.map(p => {
              const left = p.closed ? 0 : p.stock + p.rolledIn + p.refunded + p.borrowed - p.granted;
              const key = p.roundId + '/' + p.couponTypeId;
              if (left === 0 && p.granted > 0 && !soldOutAt[key]) soldOutAt[key] = new Date(now).toLocaleTimeString();
              return `<tr data-pool="${esc(p.couponTypeId)}"><td>${esc(p.roundId)}</td><td>${esc(p.couponTypeId)}</td><td>${p.stock}</td>`
                + `<td class="granted">${p.granted}</td><td class="remaining">${left}</td><td class="soldout">${soldOutAt[key] ?? ''}</td></tr>`;
            }).join('');
        }

        async function alerts() {
          const list = await get(`/admin/alerts?campaignId=${encodeURIComponent(id)}`);
          document.getElementById('alerts').innerHTML = '<tr><th>raised</th><th>merchant</th><th>kind</th><th>detail</th><th></th></tr>'
            + list.filter(a => a.campaignId === id).map(a => `<tr data-alert="${esc(a.id)}"><td>${esc(new Date(a.raisedAt).toLocaleString())}</td><td>${esc(a.merchantId)}</td>`
              + `<td>${esc(a.kind)}</td><td>${esc(a.detail)}</td><td>${a.suspendedAt ? '<span class="suspended">suspended</span>'
              : `<button data-suspend="${esc(a.id)}">Suspend merchant</button>`}</td></tr>`).join('');
        }

        document.getElementById('alerts').addEventListener('click', async e => {
          const alertId = e.target.dataset?.suspend;
          if (!alertId) return;
          e.target.disabled = true;
          await fetch(`/admin/alerts/${encodeURIComponent(alertId)}/suspend`, { method: 'POST', credentials: 'same-origin', headers: { 'X-Claims-Operator': '1' } });
          await alerts();
        });

        async function books() {
          const report = await get(`/admin/campaigns/${encodeURIComponent(id)}/report`);
          document.getElementById('report').innerHTML = '<tr><th>round / type</th><th>stock</th><th>claimed</th><th>coverage</th><th>redeemed</th><th>order total</th><th>leverage</th></tr>'
            + report.lines.map(l => `<tr><td>${esc(l.roundId)} ${esc(l.couponTypeId)}</td><td>${l.stock}</td><td>${l.claimed}</td><td>${(l.coverage * 100).toFixed(1)}%</td>`
              + `<td>${l.redeemed}</td><td>${l.orderTotal}</td><td>${l.leverage}</td></tr>`).join('');
          bars(document.getElementById('claimedChart'), report.lines.map(l => ({ label: `${l.roundId} ${l.couponTypeId} claimed`, value: l.claimed })));
          const settlement = await get(`/admin/campaigns/${encodeURIComponent(id)}/settlement`);
          document.getElementById('settlement').innerHTML = '<tr><th>fund / merchant</th><th>redemptions</th><th>owed (yuan)</th></tr>'
            + settlement.merchants.map(m => `<tr><td>${esc(m.fund)} ${esc(m.merchantId)}</td><td>${m.redemptions}</td><td>${m.amount}</td></tr>`).join('');
          bars(document.getElementById('paidChart'), settlement.merchants.map(m => ({ label: m.merchantId, value: m.amount })));
        }

        const every = (f, ms) => { const run = () => f().catch(() => {}).finally(() => setTimeout(run, ms)); run(); };
        every(live, 1000);
        every(alerts, 2000);
        every(books, 5000);
        </script></body></html>
        """;
}
