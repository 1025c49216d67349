import { route } from '@react-router/dev/routes';

export default [route(':slug/p/:itemId', 'routes/product.jsx')];
