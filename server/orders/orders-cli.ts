/**
 * `npm run orders -- advance <orderId> | cancel <orderId> | show <orderId> | sweep`: order
 * operations for operators. Like `npm run sw`, it acts on the store named by DATA_DIR /
 * DATABASE_URL directly, so it works whether the shop is up or down.
 */
import { loadConfig } from '../config';
import { AppError } from '../errors/app-error';
import { openStore } from '../store/database';
import { sweepAbandonedPayments } from './abandoned-payments';
import { changeOrderStatus } from './order-status';
import { loadOrder, ORDER_ID_PATTERN } from './order-store';
import { appErrorLine, runCli } from '../cli';

const USAGE = 'Usage: npm run orders -- advance <orderId> | cancel <orderId> | show <orderId> | sweep';

async function main(argv: string[]): Promise<number> {
  const [command, orderId] = argv;
  const needsId = command === 'advance' || command === 'cancel' || command === 'show';
  if (!(needsId && argv.length === 2) && !(command === 'sweep' && argv.length === 1)) {
    console.error(USAGE);
    return 2;
  }
  if (needsId && !ORDER_ID_PATTERN.test(orderId!)) {
    console.error(`${orderId} is not an order id (OD and 18 digits).`);
    return 2;
  }
  const store = await openStore(loadConfig());
  try {
    const now = Date.now();
    if (command === 'sweep') {
      const cancelled = await sweepAbandonedPayments(store.db, now);
      console.log(`cancelled ${cancelled} order(s) whose payment was not completed in time`);
      return 0;
    }
    if (command !== 'show') {
      const from = (await loadOrder(store.db, orderId!, () => undefined)).status;
      const to = await changeOrderStatus(store.db, orderId!, command === 'cancel' ? 'cancelled' : 'next', now);
      console.log(`order ${orderId}: ${from} → ${to}`);
    }
    const order = await loadOrder(store.db, orderId!, () => undefined);
    console.log(`order ${order.id}: ${order.status}, payment ${order.payment.method} ${order.payment.status}, ${order.totals.itemCount} item(s), total ₹${order.totals.total / 100}`);
    for (const entry of order.timeline) console.log(`  ${entry.at}  ${entry.status.padEnd(16)} ${entry.note}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(appErrorLine(error));
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

runCli(main);
