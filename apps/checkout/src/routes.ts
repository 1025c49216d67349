/** Routes of the Checkout app: the cart, then one route type per checkout step. */
import type { RouteTable } from '../../../shared/route-table';

export const routeTable = {
  app: 'checkout',
  routes: [
    { shell: 'cart', path: '/cart', title: 'Your cart' },
    { shell: 'checkout-address', path: '/checkout/address', title: 'Delivery address' },
    { shell: 'checkout-summary', path: '/checkout/summary', title: 'Order summary' },
    { shell: 'checkout-payment', path: '/checkout/payment', title: 'Payment' },
    { shell: 'checkout-confirmation', path: '/checkout/confirmation/:orderId', title: 'Order confirmation' },
    // `/checkout` itself and any older link under it start checkout at its first step.
    { shell: 'checkout', path: '/checkout/*', title: 'Checkout' },
  ],
} as const satisfies RouteTable;
