import type { NotificationListView, NotificationView } from '@dvc/contracts';
import { waitFor } from '@dvc/testing';
import { login, newCitizen } from './accounts';
import { api, files, uploader } from './http';
import { SseClient, openSse } from './sse';
import { Stack, startStack } from './stack';
import { LICENCE_RENEWAL, licenceRenewalForm } from './licence-renewal';

/**
 * The bell through the gateway: a citizen's open stream hears the officer's action within a
 * second, the list and read marks follow, the email goes out, a reconnect replays what was
 * missed, and the stream and the marks refuse what they should.
 */
describe('notifications (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;
  let upload: ReturnType<typeof uploader>;
  let officer: string;
  let citizen: string;
  let citizenEmail: string;
  let dossier: { id: string; code: string };
  const streams: SseClient[] = [];

  const stream = async (token: string | null, headers: Record<string, string> = {}) => {
    const client = await openSse<NotificationView>(`${stack.url}/api/v1/notifications/stream`, {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    });
    streams.push(client);
    return client;
  };

  const bell = (token: string, query = '') =>
    call<NotificationListView>('GET', `/notifications${query}`, { token });

  const officerAction = (action: string, body: Record<string, unknown> = {}) =>
    call<{ status: string }>('POST', `/officer/dossiers/${dossier.id}/actions/${action}`, {
      token: officer,
      body,
    });

  const notificationOfType = (client: SseClient<NotificationView>, type: string) =>
    waitFor(() => client.events.find((e) => e.data.type === type), {
      what: `a ${type} notification on the stream`,
    });

  beforeAll(async () => {
    stack = await startStack();
    call = api(stack.url);
    upload = uploader(stack.url);
    officer = await login(call, 'officer@dvc.local');
    citizen = await newCitizen(stack, call, 'Trần Thị Thu');
    citizenEmail = (await call<{ email: string }>('GET', '/me', { token: citizen })).body.email;
  }, 120_000);

  afterAll(async () => {
    for (const client of streams) client.close();
    await stack?.stop();
  });

  it('rings the citizen live within a second of the officer receiving the dossier, then lists, reads and emails it', async () => {
    const live = await stream(citizen);
    expect(live.status).toBe(200);
    expect(live.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(live.headers.get('cache-control')).toContain('no-cache');
    expect(live.headers.get('x-accel-buffering')).toBe('no');
    await waitFor(() => live.comments.includes('connected'), { what: 'the stream open' });

    // The citizen submits a dossier: the bell says so.
    const draft = await call<{ id: string }>('POST', '/dossiers', {
      token: citizen,
      body: { procedureCode: LICENCE_RENEWAL },
    });
    expect(draft.status).toBe(201);
    await call('PATCH', `/dossiers/${draft.body.id}`, {
      token: citizen,
      body: { formData: licenceRenewalForm, deliveryMethod: 'online' },
    });
    for (const componentId of ['de-nghi-doi-gplx', 'ban-sao-gplx']) {
      const attached = await upload(
        `/dossiers/${draft.body.id}/attachments`,
        { componentId },
        files.pdf(componentId),
        citizen,
      );
      expect(attached.status).toBe(201);
    }
    const submitted = await call<{ code: string }>('POST', `/dossiers/${draft.body.id}/submit`, {
      token: citizen,
    });
    expect(submitted.status).toBe(200);
    dossier = { id: draft.body.id, code: submitted.body.code };
    const onSubmit = await notificationOfType(live, 'dossier.submitted');
    expect(onSubmit.data.body).toContain(dossier.code);

    // The officer receives it: the event reaches the citizen's stream (its latency is a benchmark).
    const received = await officerAction('receive');
    expect(received.body.status).toBe('RECEIVED');
    const event = await notificationOfType(live, 'dossier.received');
    expect(event.event).toBe('notification');
    expect(event.id).toBe(event.data.id);
    expect(event.data).toMatchObject({
      category: 'dossier',
      title: 'Hồ sơ đã được tiếp nhận',
      link: `/ho-so/${dossier.id}`,
      read: false,
      data: { dossierId: dossier.id, code: dossier.code },
    });
    expect(event.data.body).toMatch(/đã được tiếp nhận\. Ngày hẹn trả kết quả: \d\d:\d\d ngày/);

    // The list shows it unread, newest first, with the unread count (welcome, submitted, received).
    const list = await bell(citizen);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id: event.id, read: false });
    expect(list.body.items.map((n) => n.type)).toEqual([
      'dossier.received',
      'dossier.submitted',
      'account.activated',
    ]);
    expect(list.body.unreadCount).toBe(3);
    const english = await call<NotificationListView>('GET', '/notifications', {
      token: citizen,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(english.body.items[0].title).toBe('Dossier received');

    // Marking read: one, then someone else cannot, then all.
    const read = await call<NotificationView>('POST', `/notifications/${event.id}/read`, {
      token: citizen,
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: event.id, read: true });
    const unread = await bell(citizen, '?unread=true');
    expect(unread.body.unreadCount).toBe(2);
    expect(unread.body.items.map((n) => n.id)).not.toContain(event.id);
    const stranger = await newCitizen(stack, call, 'Người lạ');
    const foreign = await call('POST', `/notifications/${onSubmit.id}/read`, { token: stranger });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await bell(stranger)).body.items.map((n) => n.id)).not.toContain(onSubmit.id);
    const all = await call<{ unreadCount: number }>('POST', '/notifications/read-all', {
      token: citizen,
    });
    expect(all.status).toBe(200);
    expect((await bell(citizen)).body.unreadCount).toBe(0);

    // The email of the status change reached the SMTP server.
    const mail = await waitFor(
      () =>
        stack.smtp.messages.find(
          (m) =>
            JSON.stringify(m.to).includes(citizenEmail) &&
            m.subject === `Hồ sơ đã được tiếp nhận (${dossier.code})`,
        ),
      { what: 'the email of the receipt', timeoutMs: 15_000 },
    );
    expect(mail.text).toContain('Kính gửi Ông/Bà Trần Thị Thu,');
    expect(mail.text).toContain(`http://portal.test/ho-so/${dossier.id}`);
    live.close();
  });

  it('replays on reconnect, with Last-Event-ID, what happened while the stream was closed', async () => {
    const [lastSeen] = (await bell(citizen)).body.items; // dossier.received, the newest
    expect(lastSeen.type).toBe('dossier.received');

    // Offline: the officer starts processing.
    expect((await officerAction('start')).body.status).toBe('PROCESSING');
    await waitFor(async () => (await bell(citizen)).body.items[0]?.type === 'dossier.processing', {
      what: 'the processing notification written',
    });

    const again = await stream(citizen, { 'last-event-id': lastSeen.id });
    const replayed = await notificationOfType(again, 'dossier.processing');
    expect(replayed.data.title).toBe('Hồ sơ đang được giải quyết');
    expect(again.events.map((e) => e.data.type)).toEqual(['dossier.processing']);

    // And it is live after the replay.
    await officerAction('request-supplement', {
      missing: ['Giấy khám sức khỏe của người lái xe'],
      note: 'Bổ sung giấy khám sức khỏe',
    });
    const supplement = await notificationOfType(again, 'dossier.supplement_requested');
    expect(supplement.data.body).toContain('cần bổ sung: Giấy khám sức khỏe của người lái xe.');
    again.close();
  });

  it('lets the citizen turn dossier emails off: the bell still rings, no email goes', async () => {
    const defaults = await call('GET', '/me/notification-preferences', { token: citizen });
    expect(defaults.body).toEqual({ email: { dossier: true, payment: true } });
    const off = await call('PUT', '/me/notification-preferences', {
      token: citizen,
      body: { email: { dossier: false } },
    });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ email: { dossier: false, payment: true } });

    const live = await stream(citizen);
    await waitFor(() => live.comments.includes('connected'), { what: 'the stream open' });
    const supplemented = await call<{ status: string }>(
      'POST',
      `/dossiers/${dossier.id}/supplement`,
      { token: citizen, body: { note: 'Đã bổ sung' } },
    );
    expect(supplemented.status).toBe(200);
    // Its bell arrives once its transaction committed, with the decision to send no email.
    await notificationOfType(live, 'dossier.supplemented');

    // Back on: the next email is sent; the queue has moved past anything the supplement had.
    const on = await call('PUT', '/me/notification-preferences', {
      token: citizen,
      body: { email: { dossier: true } },
    });
    expect(on.body).toEqual({ email: { dossier: true, payment: true } });
    await officerAction('request-supplement', { missing: ['Ảnh chân dung 3x4'] });
    await notificationOfType(live, 'dossier.supplement_requested');
    await waitFor(
      () =>
        stack.smtp.messages.filter(
          (m) =>
            JSON.stringify(m.to).includes(citizenEmail) &&
            m.subject === `Yêu cầu bổ sung hồ sơ (${dossier.code})`,
        ).length === 2,
      { what: 'the email of the second supplement request', timeoutMs: 15_000 },
    );
    const subjects = stack.smtp.messages
      .filter((m) => JSON.stringify(m.to).includes(citizenEmail))
      .map((m) => m.subject);
    expect(subjects).not.toContain(`Đã nhận hồ sơ bổ sung (${dossier.code})`);
    live.close();
  });

  it('rings a fee as the payment to open, once, within a second', async () => {
    const live = await stream(citizen);
    await waitFor(() => live.comments.includes('connected'), { what: 'the stream open' });
    const back = await call<{ status: string }>('POST', `/dossiers/${dossier.id}/supplement`, {
      token: citizen,
      body: {},
    });
    expect(back.body.status).toBe('PROCESSING');
    await notificationOfType(live, 'dossier.supplemented');

    const asked = await officerAction('request-payment', { amount: 135000, note: 'Lệ phí' });
    expect(asked.body.status).toBe('PAYMENT_REQUIRED');
    const fee = await notificationOfType(live, 'payment.required');
    const payments = await call<{ items: { id: string; dossierId: string }[] }>(
      'GET',
      '/payments',
      {
        token: citizen,
      },
    );
    const payment = payments.body.items.find((p) => p.dossierId === dossier.id)!;
    expect(fee.data).toMatchObject({
      category: 'payment',
      title: 'Hồ sơ cần thanh toán phí, lệ phí',
      link: `/giao-dich/${payment.id}`,
    });
    expect(fee.data.body).toContain('135.000 đồng');
    await waitFor(
      () =>
        stack.smtp.messages.find(
          (m) =>
            JSON.stringify(m.to).includes(citizenEmail) &&
            m.subject === `Thanh toán phí, lệ phí hồ sơ ${dossier.code}: 135.000 đồng`,
        ),
      { what: 'the email of the fee', timeoutMs: 15_000 },
    );
    // dossier.payment_required and the status change say the same: no second ring for it.
    expect(live.events.filter((e) => e.data.category === 'payment')).toHaveLength(1);
    expect(live.events.map((e) => e.data.type)).not.toContain('dossier.payment_required');
    live.close();
  });

  it('refuses a stream without a valid token (401 problem), and a token in the URL', async () => {
    const anonymous = await stream(null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(anonymous.problem).toMatchObject({ status: 401, code: 'auth.missing_token' });
    const forged = await stream('not.a.token');
    expect(forged.status).toBe(401);
    const fresh = await login(call, 'officer@dvc.local');
    const inUrl = await openSse(
      `${stack.url}/api/v1/notifications/stream?access_token=${encodeURIComponent(fresh)}`,
    );
    expect(inUrl.status).toBe(401);
  });

  it('answers bad input with a clear 4xx and changes nothing', async () => {
    for (const query of ['?unread=maybe', '?page=0', '?pageSize=1000', '?locale=fr', '?sort=x']) {
      const reply = await call('GET', `/notifications${query}`, { token: citizen });
      expect({ query, status: reply.status }).toEqual({ query, status: 400 });
    }
    expect((await call('POST', '/notifications/not-a-uuid/read', { token: citizen })).status).toBe(
      400,
    );
    expect(
      (
        await call('POST', '/notifications/6f1c1c8e-52a4-4a57-a0a8-2c7b3c1f1a01/read', {
          token: citizen,
        })
      ).status,
    ).toBe(404);
    const badLastId = await stream(citizen, { 'last-event-id': "1' OR '1'='1" });
    expect(badLastId.status).toBe(400);
    for (const body of [
      { email: { dossier: 'no' } },
      { email: { account: false } },
      { email: null },
      {},
      { email: { dossier: true }, sms: true },
    ]) {
      const reply = await call('PUT', '/me/notification-preferences', { token: citizen, body });
      expect({ body, status: reply.status }).toEqual({ body, status: 400 });
    }
    const unchanged = await call('GET', '/me/notification-preferences', { token: citizen });
    expect(unchanged.body).toEqual({ email: { dossier: true, payment: true } });
  });
});
