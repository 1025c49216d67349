export default function Page(): React.ReactNode {
  return <main><h1>accounts</h1></main>;
}
