export default function Page(): React.ReactNode {
  return <main><h1>checkout</h1></main>;
}
