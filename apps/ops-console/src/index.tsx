/** The ops console's entry: its own React root, separate from the shop's apps and vendors bundle. */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import './console.css';

createRoot(document.getElementById('root')!).render(<App />);
