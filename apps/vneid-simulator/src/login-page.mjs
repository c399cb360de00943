// The simulator's login form: the inputs are named idNumber and password, as on VNeID.
const escape = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export function loginPage(uid, error) {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>VNeID (mô phỏng) – Đăng nhập</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}label,input,button{display:block;width:100%;margin:.4rem 0}input,button{padding:.6rem;font-size:1rem;box-sizing:border-box}button{background:#b71c1c;color:#fff;border:0}.error{color:#b71c1c}</style>
</head><body>
<h1>VNeID – Định danh điện tử (mô phỏng)</h1>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
<label for="idNumber">Số định danh cá nhân</label>
<input id="idNumber" name="idNumber" inputmode="numeric" autocomplete="username" required autofocus>
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button>
</form></body></html>`;
}
