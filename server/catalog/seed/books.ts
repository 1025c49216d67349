/** Books: well-known titles plus a long tail of new Indian fiction, each in a binding and language. */
import { attribute, specs, takeCombos, type CategoryGenerator, type ProductDraft } from './draft';
import type { Random } from './random';

// [title, author, publisher, genre, rupees]
const KNOWN: ReadonlyArray<[string, string, string, string, number]> = [
  ['Atomic Habits', 'James Clear', 'Penguin Random House', 'Self-Help', 799], ['The Psychology of Money', 'Morgan Housel', 'Jaico Publishing House', 'Business', 399],
  ['Ikigai', 'Héctor García', 'Penguin Random House', 'Self-Help', 599], ['Rich Dad Poor Dad', 'Robert T. Kiyosaki', 'Manjul Publishing House', 'Business', 499],
  ['The Alchemist', 'Paulo Coelho', 'HarperCollins', 'Fiction', 399], ['Wings of Fire', 'A. P. J. Abdul Kalam', 'Universities Press', 'Biography', 399],
  ['Think Like a Monk', 'Jay Shetty', 'HarperCollins', 'Self-Help', 499], ['The Silent Patient', 'Alex Michaelides', 'Pan Macmillan', 'Thriller', 499],
  ['Sapiens', 'Yuval Noah Harari', 'Penguin Random House', 'History', 599], ['Deep Work', 'Cal Newport', 'Hachette', 'Self-Help', 499],
  ['Godaan', 'Premchand', 'Rajkamal Prakashan', 'Classics', 250], ['The White Tiger', 'Aravind Adiga', 'HarperCollins', 'Fiction', 399],
  ['Malgudi Days', 'R. K. Narayan', 'Indian Thought Publications', 'Classics', 295], ['Train to Pakistan', 'Khushwant Singh', 'Penguin Random House', 'Classics', 299],
  ['The Immortals of Meluha', 'Amish Tripathi', 'Westland', 'Mythology', 399], ['India After Gandhi', 'Ramachandra Guha', 'Pan Macmillan', 'History', 899],
  ['Indian Polity', 'M. Laxmikanth', 'McGraw Hill', 'Exam Preparation', 925], ['Quantitative Aptitude for Competitive Examinations', 'R. S. Aggarwal', 'S. Chand', 'Exam Preparation', 795],
  ['Concepts of Physics Vol. 1', 'H. C. Verma', 'Bharati Bhawan', 'Exam Preparation', 535], ['Objective General English', 'S. P. Bakshi', 'Arihant', 'Exam Preparation', 445],
  ['Do Epic Shit', 'Ankur Warikoo', 'Juggernaut', 'Self-Help', 499], ['The God of Small Things', 'Arundhati Roy', 'Penguin Random House', 'Fiction', 499],
];
const FIRST = ['Ananya', 'Vikram', 'Meera', 'Arjun', 'Kavya', 'Rohan', 'Ishita', 'Siddharth', 'Nandini', 'Kabir', 'Aditi', 'Farhan', 'Lakshmi', 'Dev'];
const LAST = ['Sharma', 'Iyer', 'Banerjee', 'Menon', 'Kapoor', 'Reddy', 'Chatterjee', 'Nair', 'Deshpande', 'Qureshi', 'Bose', 'Gill', 'Pillai'];
const ADJ = ['Silent', 'Monsoon', 'Forgotten', 'Last', 'Scarlet', 'Hidden', 'Salt', 'Midnight', 'Paper', 'Burning', 'Little', 'Long'];
const NOUN = ['River', 'Letters', 'Courtyard', 'Train', 'Kingdom', 'Lanterns', 'Harbour', 'Orchard', 'Festival', 'Songs', 'Summer', 'Bridge'];
const PUBLISHERS = ['Penguin Random House', 'HarperCollins', 'Westland', 'Rupa Publications', 'Bloomsbury', 'Pan Macmillan', 'Juggernaut', 'Aleph Book Company'];
const GENRES = ['Fiction', 'Romance', 'Thriller', 'Historical Fiction', 'Mystery'];
const COVERS = ['#1f2f57', '#7a1f2b', '#2f6b57', '#d9a521', '#23252b', '#8a4fa0', '#c8302f', '#1f7a7a', '#e8604c', '#5c3b24'];

function book(random: Random, [title, author, publisher, genre, rupees]: (typeof KNOWN)[number], binding: string, language: string): ProductDraft {
  const pages = random.int(180, 520);
  const year = random.int(2015, 2024);
  const isbn = `978${random.int(81, 93)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  return {
    title: `${title} (${language}, ${binding}, ${author})`,
    brand: publisher,
    description: `${title} by ${author}. ${genre === 'Exam Preparation' ? 'Revised edition with solved examples and practice sets.' : `A ${genre.toLowerCase()} bestseller loved by readers across India.`}`,
    mrpRupees: binding === 'Hardcover' ? Math.round(rupees * 1.6) : rupees,
    discount: [0, 45],
    highlights: [`Language: ${language}`, `Binding: ${binding}`, `Publisher: ${publisher}`, `Genre: ${genre}`, `ISBN: ${isbn}`, `Pages: ${pages}`],
    specifications: specs({
      'Book Details': { Title: title, Author: author, Publisher: publisher, Genre: genre, 'Publication Year': String(year), ISBN: isbn },
      Dimensions: { 'Number of Pages': String(pages), Binding: binding, Language: language },
    }),
    colours: [{ name: 'Cover', hex: random.pick(COVERS) }],
    sizes: [],
    image: { kind: 'book', label: title, sublabel: author },
    // A title's bindings and languages are one family: each its own listing and price.
    family: { key: `${title} / ${author}`, attributes: [attribute('Binding', binding), attribute('Language', language)] },
  };
}

/** Generates `count` books. */
export const generateBooks: CategoryGenerator = (random, count) => {
  const known = KNOWN.flatMap((b) => [['Paperback', 'English'], ['Hardcover', 'English'], ['Paperback', 'Hindi']].map(([binding, language]) => ({ b, binding: binding!, language: language! })));
  // A long tail of new fiction keeps a large catalog free of repeats.
  const tail = Array.from({ length: Math.max(0, count - known.length) }, () => ({
    b: [`The ${random.pick(ADJ)} ${random.pick(NOUN)}`, `${random.pick(FIRST)} ${random.pick(LAST)}`, random.pick(PUBLISHERS), random.pick(GENRES), random.int(199, 499)] as const,
    binding: 'Paperback',
    language: 'English',
  }));
  return takeCombos(random, [...known, ...tail], count).map(({ b, binding, language }) => book(random, b as (typeof KNOWN)[number], binding, language));
};
