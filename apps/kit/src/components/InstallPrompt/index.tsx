/** The shop's own "add to home screen" offer: a card at the bottom with Install and Not now. */
import { Button } from '../Button';
import './install-prompt.css';

export interface InstallPromptProps {
  onInstall(): void;
  onDismiss(): void;
}

export function InstallPrompt({ onInstall, onDismiss }: InstallPromptProps): React.ReactNode {
  return (
    <section className="install-prompt card" aria-labelledby="install-prompt-title" data-testid="install-prompt">
      <h2 id="install-prompt-title" className="install-prompt-title">
        Add Storefront to your home screen
      </h2>
      <p className="install-prompt-text">It opens instantly, even on a slow network, and takes almost no space.</p>
      <div className="install-prompt-actions">
        <Button variant="outline" onClick={onDismiss} data-testid="install-dismiss">
          Not now
        </Button>
        <Button onClick={onInstall} data-testid="install-accept">
          Install
        </Button>
      </div>
    </section>
  );
}
