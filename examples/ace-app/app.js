// The app `atlas-connect new` starts with, trimmed to one page: ACE serves the descriptor, verifies the
// signed `installed` callback and every page's JWT (qsh included), and stores the tenant.
import express from 'express';
import ace from 'atlassian-connect-express';
import { memoryStore } from './memory-store.js';

ace.store.register('memory', () => memoryStore());

const app = express();
const addon = ace(app);
const port = addon.config.port();

app.use(express.json());
app.use(express.urlencoded({ extended: false }));
app.use(addon.middleware());

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (res, title, body) =>
  res.type('html').send(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escape(title)}</title>
  <script src="${escape(res.locals.hostScriptUrl)}"></script>
</head>
<body>
  <main class="ac-content">${body}</main>
</body>
</html>`);

// addon.authenticate() refuses a request without a valid JWT for a stored tenant (401).
app.get('/hello-world', addon.authenticate(), (req, res) =>
  page(res, 'Hello World', `
    <h1>Hello World</h1>
    <p>Installed on <span id="host">${escape(res.locals.hostBaseUrl)}</span> for account <span id="account">${escape(req.context.userAccountId ?? '')}</span>.</p>
    <button id="greet" type="button">Greet</button>
    <button id="open" type="button">Open greeting</button>
    <p id="result"></p>
    <script>
      document.getElementById('greet').addEventListener('click', () => {
        AP.user.getCurrentUser((user) => AP.flag.create({ title: 'Hello', body: 'Hello, ' + user.atlassianAccountId, type: 'success', close: 'auto' }));
      });
      document.getElementById('open').addEventListener('click', () => {
        AP.dialog.create({ key: 'greeting-dialog' }).on('close', (data) => {
          document.getElementById('result').textContent = data && data.greeted ? 'greeted' : 'closed';
        });
      });
    </script>`),
);

app.get('/greeting-dialog', addon.authenticate(), (req, res) =>
  page(res, 'Greeting', `
    <p>Greetings from a dialog.</p>
    <button id="done" type="button">Done</button>
    <script>
      document.getElementById('done').addEventListener('click', () => AP.dialog.close({ greeted: true }));
    </script>`),
);

app.listen(port, () => console.log(`ACE example app on ${addon.config.localBaseUrl()}`));
