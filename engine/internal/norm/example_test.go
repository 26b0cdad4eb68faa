package norm_test

import (
	"fmt"

	"github.com/sievekyc/sieve/engine/internal/norm"
)

func ExampleFold() {
	fmt.Println(norm.Fold("Müller-Lüdenscheidt"))
	fmt.Println(norm.Fold("Александр Лукашенко"))
	fmt.Println(norm.Fold("محمد علي"))
	fmt.Println(norm.Fold("习近平"))
	// Output:
	// muller ludenscheidt
	// aleksandr lukashenko
	// muhammad ali
	// 习近平
}

func ExampleTokenize() {
	for _, t := range norm.Tokenize("Dr. Mohammed al-Zawahiri") {
		fmt.Printf("%s %s canon=%s skel=%s phon=%s\n", t.Kind, t.Text, t.Canon, t.Skel, t.Phon)
	}
	for _, t := range norm.Tokenize("ООО «Ромашка»") {
		fmt.Printf("%s %s\n", t.Kind, t.Text)
	}
	// Output:
	// word mohammed canon=muhammad skel=mhmd phon=MMT
	// particle al canon=al skel=l phon=AL
	// word zawahiri canon=zawahiri skel=zvhr phon=SFR
	// legal-form llc
	// word romashka
}

func ExampleJoin() {
	fmt.Println(norm.Join(norm.Tokenize("PUTIN, Vladimir V.")))
	// Output: putin vladimir v
}

func ExampleSkeleton() {
	fmt.Println(norm.Skeleton("Mohammed"), norm.Skeleton("Muhammad"), norm.Skeleton("Mueller"), norm.Skeleton("Müller"))
	// Output: mhmd mhmd mlr mlr
}

func ExamplePhonetic() {
	fmt.Println(norm.Phonetic("Tchaikovsky"), norm.Phonetic("Chaikovskiy"), norm.Phonetic("Yuri"), norm.Phonetic("Iurii"))
	// Output: XKFSK XKFSK AR AR
}
