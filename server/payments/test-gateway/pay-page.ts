/**
 * The test gateway's hosted payment page: small server-rendered HTML with UPI and card tabs (CSS
 * radio tabs that work without script; a nonce'd script only moves the focus), the test values
 * printed on the page, and a fresh CSP nonce per response.
 */
import { formatRupees } from '../../../shared/price';
import { escapeHtml } from '../../ops/html';
import { TEST_CARDS, TEST_UPI } from './test-values';

export interface PayPageInput {
  paymentId: string;
  orderId: string;
  amount: number;
  nonce: string;
  /** A message above the form (a refused test value). */
  error?: string | undefined;
  /** Which tab is open. */
  method?: 'upi' | 'card' | undefined;
}

/** The page's own Content-Security-Policy: nothing but its nonce'd style and script, forms to itself. */
export function payPageCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f1f3f6;color:#212121}
main{max-width:420px;margin:0 auto;background:#fff;min-height:100vh;padding:16px;box-sizing:border-box}
h1{font-size:18px;margin:0 0 4px}.muted{color:#717478;font-size:13px}.amount{font-size:24px;font-weight:600;margin:12px 0}
.tabs>input{position:absolute;opacity:0}.tabs>label{display:inline-block;padding:10px 16px;border-bottom:2px solid transparent;cursor:pointer;font-weight:500}
.tabs>input:checked+label{border-color:#2874f0;color:#2874f0}.tabs>input:focus-visible+label{outline:2px solid #2874f0}
.panel{display:none;padding:16px 0}#tab-upi:checked~.upi,#tab-card:checked~.card{display:block}
.field{display:block;margin:0 0 12px}.field span{display:block;font-size:13px;margin-bottom:4px}
.field input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #c2c2c2;border-radius:4px;font-size:16px}
.row{display:flex;gap:12px}.row .field{flex:1}
button{width:100%;padding:12px;border:0;border-radius:4px;background:#fb641b;color:#fff;font-size:16px;font-weight:600;cursor:pointer}
.secondary{background:none;color:#2874f0;font-weight:500;margin-top:8px}
.error{background:#fdecea;color:#b3261e;padding:10px;border-radius:4px;margin:12px 0}
.hint{font-size:12px;color:#717478;margin-top:8px}code{background:#f1f3f6;padding:1px 4px;border-radius:3px}`;

/** Focus the first field of the open tab, so a keyboard user can type at once. */
const SCRIPT = `for(const r of document.querySelectorAll('.tabs>input[type=radio]'))r.addEventListener('change',()=>{const p=document.querySelector('.'+r.value+' input:not([type=hidden])');if(p)p.focus()});`;

/** The payment form. */
export function payPage(input: PayPageInput): string {
  const action = `/pay/test-gateway/${escapeHtml(input.paymentId)}`;
  const card = input.method === 'card';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Pay ${escapeHtml(formatRupees(input.amount))} · TestPay</title><style nonce="${input.nonce}">${STYLE}</style></head>
<body><main>
<h1>TestPay</h1><div class="muted">Test mode · no real money moves</div>
<div class="amount">${escapeHtml(formatRupees(input.amount))}</div>
<div class="muted">storefront-lite · order ${escapeHtml(input.orderId)}</div>
${input.error ? `<div class="error" role="alert">${escapeHtml(input.error)}</div>` : ''}
<div class="tabs">
<input type="radio" name="tab" id="tab-upi" value="upi"${card ? '' : ' checked'}><label for="tab-upi">UPI</label>
<input type="radio" name="tab" id="tab-card" value="card"${card ? ' checked' : ''}><label for="tab-card">Card</label>
<form class="panel upi" method="post" action="${action}">
<input type="hidden" name="method" value="upi">
<label class="field"><span>UPI ID</span><input name="vpa" autocomplete="off" inputmode="email" placeholder="name@bank" required></label>
<button type="submit">Pay ${escapeHtml(formatRupees(input.amount))}</button>
<p class="hint">Test values: <code>${TEST_UPI.approve}</code> approves, <code>${TEST_UPI.decline}</code> declines.</p>
</form>
<form class="panel card" method="post" action="${action}">
<input type="hidden" name="method" value="card">
<label class="field"><span>Card number</span><input name="number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 5678 9012 3456" required></label>
<div class="row"><label class="field"><span>Expiry (MM/YY)</span><input name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" required></label>
<label class="field"><span>CVV</span><input name="cvv" inputmode="numeric" autocomplete="cc-csc" maxlength="3" required></label></div>
<button type="submit">Pay ${escapeHtml(formatRupees(input.amount))}</button>
<p class="hint">Test cards: <code>${spaced(TEST_CARDS.approve)}</code> approves, <code>${spaced(TEST_CARDS.decline)}</code> declines; any future expiry, any 3-digit CVV.</p>
</form>
</div>
<form method="post" action="${action}"><input type="hidden" name="method" value="cancel"><button class="secondary" type="submit">Cancel payment</button></form>
</main><script nonce="${input.nonce}">${SCRIPT}</script></body></html>`;
}

/** The page for a payment that can no longer be paid. */
export function closedPage(input: { orderId: string; status: string; nonce: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Payment closed · TestPay</title><style nonce="${input.nonce}">${STYLE}</style></head>
<body><main><h1>TestPay</h1><p>This payment is closed (${escapeHtml(input.status)}).</p>
<p><a href="/accounts/orders/${escapeHtml(input.orderId)}">See the order</a></p></main></body></html>`;
}

/** `4111 1111 1111 1111`, as printed on a card. */
function spaced(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}
