import { candidatesTable } from './en/candidates-table.js';
import { codesDialog } from './en/codes-dialog.js';
import { common } from './en/common.js';
import { orderCart } from './en/order-cart.js';
import { ordersTable } from './en/orders-table.js';
import type { Catalogue } from './fr.js';

export const en: Catalogue = { common, candidatesTable, orderCart, codesDialog, ordersTable };
