import amqplib from 'amqplib';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { COMMANDS_EXCHANGE, EVENTS_EXCHANGE, agencyInboxQueue } from '@dvc/contracts';
import { waitFor } from '@dvc/testing';
import { autoProcess } from '../../examples/ministry-client/src/auto-processor';
import { MinistryClient } from '../../examples/ministry-client/src/ministry-client';
import { resultPdf } from '../../examples/ministry-client/src/result-pdf';
import {
  ProvisionResult,
  agencyAmqpUrl,
  deprovisionAgencyUser,
  provisionAgency,
} from '../../scripts/ministry-provision';
import { DEMO_PASSWORD, login } from './accounts';
import { api, files, uploader } from './http';
import { OFFICER_AGENCY, Stack, startStack } from './stack';
import { LICENCE_RENEWAL, licenceRenewalForm } from './licence-renewal';
import { weekdayMorningAfter } from './working-days';

const exec = promisify(execFile);

const AGENCY = OFFICER_AGENCY;
/** Another agency of the demo province, whose queue the first must not read. */
const OTHER_AGENCY = '000.00.02.H26';

interface DossierView {
  id: string;
  code: string;
  status: string;
  components: {
    componentId: string;
    attachments: { fileId: string; fileName: string; size: number; sha256: string }[];
  }[];
  results: {
    fileId: string;
    fileName: string;
    contentType: string;
    downloadUrl: string;
    verificationCode: string;
  }[];
  history: {
    from: string | null;
    to: string;
    byRole: string;
    note: string | null;
    action?: string;
  }[];
  dueAt: string | null;
  originalDueAt?: string | null;
  apologies?: { reason: string; previousDueAt: string; newDueAt: string }[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * An agency's own system on the portal, through RabbitMQ only: provisioned by the script's
 * functions in the stack's vhost, driven by the sample client of examples/ministry-client,
 * against a dossier a citizen really submitted through the gateway. Then what must be refused:
 * disorder, replays, forged senders, and anything beyond the agency's own queue.
 */
describe('ministry integration (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;
  let upload: ReturnType<typeof uploader>;
  let citizen: string;
  let agency: ProvisionResult;
  let agencyUrl: string;
  /** Agencies whose RabbitMQ user this suite created (users are per broker, not per vhost). */
  const createdUsers: string[] = [];
  const clients: MinistryClient[] = [];
  const connections: amqplib.ChannelModel[] = [];

  /** Provisions in the stack's vhost; a new password every time, so the suite knows it. */
  const provision = async (agencyCode: string): Promise<ProvisionResult> => {
    const result = await provisionAgency({
      agencyCode,
      vhost: stack.vhost,
      amqpUrl: stack.amqpUrl,
      rotate: true,
    });
    if (result.created) createdUsers.push(agencyCode);
    return result;
  };

  const connectAgency = async (log: string[] = []): Promise<MinistryClient> => {
    const client = await MinistryClient.connect({
      url: agencyUrl,
      agencyCode: AGENCY,
      log: (line) => log.push(line),
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    stack = await startStack();
    call = api(stack.url);
    upload = uploader(stack.url);
    citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    agency = await provision(AGENCY);
    agencyUrl = agencyAmqpUrl(stack.amqpUrl, stack.vhost, agency.user, agency.password!);
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    for (const connection of connections) await connection.close().catch(() => undefined);
    for (const agencyCode of createdUsers) await deprovisionAgencyUser(agencyCode);
    await stack?.stop();
  });

  /** A dossier the citizen filled in, attached and submitted through the gateway. */
  async function submittedDossier(): Promise<DossierView> {
    const draft = await call<DossierView>('POST', '/dossiers', {
      token: citizen,
      body: { procedureCode: LICENCE_RENEWAL },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    await call('PATCH', `/dossiers/${id}`, {
      token: citizen,
      body: { formData: licenceRenewalForm, deliveryMethod: 'online' },
    });
    for (const componentId of ['de-nghi-doi-gplx', 'ban-sao-gplx']) {
      const attached = await upload(
        `/dossiers/${id}/attachments`,
        { componentId },
        files.pdf(componentId),
        citizen,
      );
      expect(attached.status).toBe(201);
    }
    const submitted = await call('POST', `/dossiers/${id}/submit`, { token: citizen });
    expect(submitted.status).toBe(200);
    return view(id);
  }

  async function view(id: string): Promise<DossierView> {
    const reply = await call<DossierView>('GET', `/dossiers/${id}`, { token: citizen });
    expect(reply.status).toBe(200);
    return reply.body;
  }

  /** Every command the dossier service took from its queue has been handled and acknowledged. */
  async function commandsDrained(): Promise<void> {
    await waitFor(
      async () => {
        const { stdout } = await exec('rabbitmqctl', [
          '-q',
          'list_queues',
          '-p',
          stack.vhost,
          'name',
          'messages_ready',
          'messages_unacknowledged',
          '--formatter',
          'json',
        ]);
        const queues = JSON.parse(stdout) as {
          name: string;
          messages_ready: number;
          messages_unacknowledged: number;
        }[];
        const commands = queues.find((q) => q.name === 'dossier.commands');
        return commands?.messages_ready === 0 && commands.messages_unacknowledged === 0;
      },
      { what: 'dossier.commands drained' },
    );
  }

  /** The error RabbitMQ closes a channel with. */
  function channelClosed(channel: amqplib.Channel): Promise<Error & { code?: number }> {
    return new Promise((resolve) => channel.once('error', resolve));
  }

  it('runs the sample client: gets the submitted dossier with its form and files, receives, uploads the result, completes; the citizen downloads it', async () => {
    const log: string[] = [];
    const client = await connectAgency(log);
    autoProcess(client, { resultPdf, log: (line) => log.push(line) });

    const dossier = await submittedDossier();
    const submitted = await waitFor(
      () =>
        client.events.find(
          (e) => e.type === 'dossier.submitted' && e.data.dossierCode === dossier.code,
        ),
      { what: 'dossier.submitted in the agency inbox' },
    );
    expect(submitted.data).toMatchObject({
      dossierCode: dossier.code,
      agencyCode: AGENCY,
      procedure: { code: LICENCE_RENEWAL },
      status: 'SUBMITTED',
      formData: licenceRenewalForm,
    });
    expect(submitted.data.files).toEqual(
      dossier.components.flatMap((c) =>
        c.attachments.map((a) => ({
          componentId: c.componentId,
          fileId: a.fileId,
          fileName: a.fileName,
          size: a.size,
          sha256: a.sha256,
        })),
      ),
    );
    expect(submitted.data.files).toHaveLength(2);
    // What the agency is entitled to, never more: no internal or account ids.
    expect(Object.keys(submitted.data)).not.toEqual(
      expect.arrayContaining(['dossierId', 'applicantId']),
    );
    expect(JSON.stringify(submitted.data)).not.toContain(dossier.id);

    const completed = await waitFor(
      () =>
        client.answers.find(
          (a) => a.data.type === 'command.complete' && a.data.dossierCode === dossier.code,
        ),
      { timeoutMs: 30_000, what: 'the answer to command.complete' },
    );
    expect(completed).toMatchObject({
      type: 'command.accepted',
      data: { status: 'RESULT_READY' },
    });
    // Every answer was logged by the client.
    for (const type of ['receive', 'start', 'request_upload', 'complete']) {
      expect(log).toContainEqual(
        expect.stringMatching(new RegExp(`✓ command\\.${type} ${dossier.code}: accepted`)),
      );
    }
    const presigned = client.answers.find(
      (a) => a.data.type === 'command.request_upload' && a.data.dossierCode === dossier.code,
    )!;
    if (presigned.type !== 'command.accepted') throw new Error('upload refused');
    expect(Date.parse(presigned.data.expiresAt!) - Date.now()).toBeLessThanOrEqual(300_000);
    expect(presigned.data.uploadUrl).toContain(`quarantine/${presigned.data.fileId}`);

    // The citizen sees the result, done by the agency's system, and downloads it through the gateway.
    const done = await view(dossier.id);
    expect(done.status).toBe('RESULT_READY');
    // What the citizen gets is the agency's upload signed on completion (a file of its own).
    expect(done.results).toEqual([
      expect.objectContaining({
        fileName: `ket-qua-${dossier.code}.pdf`,
        contentType: 'application/pdf',
        verificationCode: expect.stringMatching(/^[A-Z0-9]{12}$/),
      }),
    ]);
    expect(done.results[0].fileId).not.toBe(presigned.data.fileId);
    expect(done.history.slice(-3)).toEqual([
      expect.objectContaining({ to: 'RECEIVED', byRole: 'agency-system' }),
      expect.objectContaining({ to: 'PROCESSING', byRole: 'agency-system' }),
      expect.objectContaining({ to: 'RESULT_READY', byRole: 'agency-system' }),
    ]);
    const download = await fetch(`${stack.url}${done.results[0].downloadUrl}`, {
      headers: { authorization: `Bearer ${citizen}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    const signed = Buffer.from(await download.arrayBuffer());
    expect(signed.includes('/ByteRange')).toBe(true);
    const verified = await fetch(
      `${stack.url}/api/v1/public/verify/${done.results[0].verificationCode}`,
    );
    expect(await verified.json()).toMatchObject({ dossierCode: dossier.code, valid: true });

    // The agency is told too, with the result's reference to check what it sent.
    const ready = await waitFor(
      () =>
        client.events.find(
          (e) => e.data.dossierCode === dossier.code && e.data.status === 'RESULT_READY',
        ),
      { what: 'dossier.status_changed to RESULT_READY in the agency inbox' },
    );
    expect(ready.data.results).toEqual([
      {
        fileId: presigned.data.fileId,
        fileName: `ket-qua-${dossier.code}.pdf`,
        size: resultPdf(dossier.code).length,
        sha256: sha256(resultPdf(dossier.code)),
      },
    ]);
    await client.close();
  });

  describe('commands sent by hand', () => {
    let client: MinistryClient;
    let dossier: DossierView;

    beforeAll(async () => {
      // Nothing processes dossiers automatically from here on.
      for (const auto of clients.splice(0)) await auto.close().catch(() => undefined);
      client = await connectAgency();
      dossier = await submittedDossier();
      await waitFor(
        () =>
          client.events.some(
            (e) => e.type === 'dossier.submitted' && e.data.dossierCode === dossier.code,
          ),
        { what: 'the second dossier in the agency inbox' },
      );
    });

    const statusNow = async () => (await view(dossier.id)).status;

    it('refuses commands out of order with the current status, changing nothing', async () => {
      const early = await client.send('command.complete', {
        dossierCode: dossier.code,
        resultFileIds: [randomUUID()],
      });
      expect(early).toMatchObject({
        type: 'command.rejected',
        data: {
          type: 'command.complete',
          dossierCode: dossier.code,
          code: 'dossier.illegal_transition',
          status: 'SUBMITTED',
        },
      });
      expect(await client.send('command.start', { dossierCode: dossier.code })).toMatchObject({
        type: 'command.rejected',
        data: { code: 'dossier.illegal_transition', status: 'SUBMITTED' },
      });
      expect((await view(dossier.id)).history.map((h) => h.to)).toEqual(['DRAFT', 'SUBMITTED']);

      expect(await client.send('command.receive', { dossierCode: dossier.code })).toMatchObject({
        type: 'command.accepted',
        data: { status: 'RECEIVED' },
      });
      // The same rules as the officer's: a refusal needs its reason.
      const noReason = await client.send('command.refuse', { dossierCode: dossier.code });
      expect(noReason).toMatchObject({
        type: 'command.rejected',
        data: { code: 'dossier.note_required', status: 'RECEIVED' },
      });
      // Someone else's dossier code is as unknown as a made-up one.
      expect(
        await client.send('command.start', { dossierCode: `${AGENCY}-010101-9999` }),
      ).toMatchObject({ type: 'command.rejected', data: { code: 'dossier.not_found' } });
      expect(await statusNow()).toBe('RECEIVED');
    });

    it('processes a replayed command once', async () => {
      const id = randomUUID();
      await client.publish('command.start', { dossierCode: dossier.code }, id);
      await client.publish('command.start', { dossierCode: dossier.code }, id);
      expect(await client.answerTo(id)).toMatchObject({
        type: 'command.accepted',
        data: { status: 'PROCESSING' },
      });
      await commandsDrained();
      // Answers leave in order: once this one is here, a second answer to `id` would be too.
      const marker = await client.send('command.receive', { dossierCode: dossier.code });
      expect(marker).toMatchObject({ type: 'command.rejected', data: { status: 'PROCESSING' } });
      expect(client.answers.filter((a) => a.data.commandId === id)).toHaveLength(1);
      expect((await view(dossier.id)).history.filter((h) => h.to === 'PROCESSING')).toHaveLength(1);
    });

    it('apologizes for a late dossier only while processing, with a later working-day due date', async () => {
      const late = await submittedDossier();
      const dossierCode = late.code;
      const apologize = (newDueAt: string | null) =>
        client.send('command.apologize', {
          dossierCode,
          reason: 'Chờ ý kiến của cơ quan phối hợp',
          ...(newDueAt === null ? {} : { newDueAt }),
        });

      expect(await apologize(weekdayMorningAfter(new Date(), 30))).toMatchObject({
        type: 'command.rejected',
        data: { code: 'dossier.apology_not_processing', status: 'SUBMITTED' },
      });
      expect((await client.send('command.receive', { dossierCode })).type).toBe('command.accepted');
      expect((await client.send('command.start', { dossierCode })).type).toBe('command.accepted');
      const before = await view(late.id);
      const dueAt = new Date(before.dueAt!);
      expect(await apologize(before.dueAt)).toMatchObject({
        type: 'command.rejected',
        data: { code: 'dossier.apology_date_invalid', status: 'PROCESSING' },
      });
      expect(await apologize(null)).toMatchObject({ type: 'command.rejected' });

      // A holiday may fall on the first candidate: the next weekday morning then.
      let newDueAt = '';
      let answer: Awaited<ReturnType<typeof apologize>> | null = null;
      for (let n = 5; n < 12 && answer?.type !== 'command.accepted'; n++) {
        newDueAt = weekdayMorningAfter(dueAt, n);
        answer = await apologize(newDueAt);
      }
      expect(answer).toMatchObject({ type: 'command.accepted', data: { status: 'PROCESSING' } });

      const after = await view(late.id);
      expect(new Date(after.dueAt!)).toEqual(new Date(newDueAt));
      expect(after.originalDueAt).toBe(before.dueAt);
      expect(after.apologies).toEqual([
        expect.objectContaining({
          reason: 'Chờ ý kiến của cơ quan phối hợp',
          previousDueAt: before.dueAt,
        }),
      ]);
      expect(after.history.filter((h) => h.action === 'apologize')).toHaveLength(1);
      await waitFor(
        () =>
          client.events.some(
            (e) =>
              e.type === 'dossier.apologized' &&
              e.data.dossierCode === dossierCode &&
              new Date(String(e.data.newDueAt)).getTime() === new Date(newDueAt).getTime(),
          ),
        { what: "the agency's copy of dossier.apologized" },
      );
    });

    it('ends in the same state as commands sent in order, whatever the replays and the disorder', async () => {
      const other = await submittedDossier();
      const dossierCode = other.code;
      await waitFor(() => client.events.some((e) => e.data.dossierCode === dossierCode), {
        what: 'the third dossier in the agency inbox',
      });
      const twice = async (type: Parameters<MinistryClient['publish']>[0], data = {}) => {
        const id = randomUUID();
        await client.publish(type, { dossierCode, ...data }, id);
        await client.publish(type, { dossierCode, ...data }, id);
        return client.answerTo(id);
      };
      expect((await client.send('command.start', { dossierCode })).type).toBe('command.rejected');
      expect((await twice('command.receive')).type).toBe('command.accepted');
      expect((await client.send('command.receive', { dossierCode })).type).toBe('command.rejected');
      expect((await twice('command.start')).type).toBe('command.accepted');
      const presigned = await client.send('command.request_upload', { dossierCode });
      if (presigned.type !== 'command.accepted') throw new Error('upload refused');
      await fetch(presigned.data.uploadUrl!, { method: 'PUT', body: resultPdf(dossierCode) });
      expect(
        (await twice('command.complete', { resultFileIds: [presigned.data.fileId] })).type,
      ).toBe('command.accepted');
      await commandsDrained();

      const final = await view(other.id);
      expect(final.status).toBe('RESULT_READY');
      expect(final.history.map((h) => h.to)).toEqual([
        'DRAFT',
        'SUBMITTED',
        'RECEIVED',
        'PROCESSING',
        'RESULT_READY',
      ]);
      expect(final.results).toHaveLength(1);
    });

    it('ignores a command published without an agency’s user_id (nobody to answer), and RabbitMQ refuses a forged one', async () => {
      const guest = await amqplib.connect(stack.amqpUrl);
      connections.push(guest);
      const channel = await guest.createConfirmChannel();
      const forged = (userId?: string) => {
        const id = randomUUID();
        const envelope = {
          id,
          type: 'command.refuse',
          occurredAt: new Date().toISOString(),
          version: 1,
          correlationId: null,
          data: { agencyCode: AGENCY, dossierCode: dossier.code, note: 'Giả mạo cơ quan' },
        };
        channel.publish(
          COMMANDS_EXCHANGE,
          'command.refuse',
          Buffer.from(JSON.stringify(envelope)),
          {
            messageId: id,
            contentType: 'application/json',
            ...(userId ? { userId } : {}),
          },
        );
        return id;
      };
      const missing = forged();
      const asGuest = forged('guest');
      await channel.waitForConfirms();
      // A command the agency sends afterwards is answered; the forged ones never reach its inbox.
      const later = await client.send('command.refuse', { dossierCode: dossier.code });
      expect(later).toMatchObject({
        type: 'command.rejected',
        data: { code: 'dossier.note_required' },
      });
      expect(client.answers.map((a) => a.data.commandId)).not.toEqual(
        expect.arrayContaining([missing]),
      );
      expect(client.answers.map((a) => a.data.commandId)).not.toEqual(
        expect.arrayContaining([asGuest]),
      );
      expect(await statusNow()).toBe('PROCESSING');

      // user_id must be the publishing connection's user: RabbitMQ closes the channel.
      const impostor = await guest.createChannel();
      const closed = channelClosed(impostor);
      impostor.publish(COMMANDS_EXCHANGE, 'command.refuse', Buffer.from('{}'), {
        userId: agency.user,
      });
      expect(await closed).toMatchObject({ code: 406 });
      expect((await closed).message).toMatch(/PRECONDITION_FAILED/);
      expect(await statusNow()).toBe('PROCESSING');
    });

    it('lets the agency user write only to dvc.commands and read only its own queue', async () => {
      await provision(OTHER_AGENCY);
      const connection = await amqplib.connect(agencyUrl);
      connections.push(connection);

      const publisher = await connection.createChannel();
      const refusedPublish = channelClosed(publisher);
      publisher.publish(EVENTS_EXCHANGE, 'dossier.submitted', Buffer.from('{}'));
      expect(await refusedPublish).toMatchObject({ code: 403 });
      expect((await refusedPublish).message).toMatch(/ACCESS_REFUSED.*dvc\.events/);

      const reader = await connection.createChannel();
      const refusedRead = channelClosed(reader);
      await expect(reader.consume(agencyInboxQueue(OTHER_AGENCY), () => undefined)).rejects.toThrow(
        /ACCESS_REFUSED/,
      );
      expect((await refusedRead).message).toMatch(/agency\.000_00_02_H26\.inbox/);

      const configurer = await connection.createChannel();
      const refusedDeclare = channelClosed(configurer);
      await expect(configurer.assertQueue('agency.000_00_01_H26.extra')).rejects.toThrow(
        /ACCESS_REFUSED/,
      );
      await refusedDeclare;
    });
  });
});
